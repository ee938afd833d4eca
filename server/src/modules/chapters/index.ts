export { ChapterService, type ChapterVideo } from './chapter.service';
export { chapterRoutes } from './chapter.routes';
export { chaptersFromDescription, chaptersAfterDescriptionChange, timecodeToSeconds } from './chapter-parser';
