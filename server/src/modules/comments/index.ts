export { VideoCommentModel } from './comment.model';
export { CommentService } from './comment.service';
export { commentRoutes } from './comment.routes';
export { commentHtml, type CommentVideo } from './comment.serializer';
export { mentionsIn, renderCommentHtml } from './comment-text';
