export { ChannelModel } from './channel.model';
export { ChannelService } from './channel.service';
export { channelRoutes } from './channel.routes';
export { channelRepository, channelInclude } from './channel.repository';
export { serializeChannel, serializeChannelSummary } from './channel.serializer';
