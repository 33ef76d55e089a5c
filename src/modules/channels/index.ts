export { channelRoutes } from './channels.routes.ts';
export { CHANNEL_KINDS, createChannel, listChannels, findChannelByCode, getChannelByCode, toChannelView, type ChannelKind, type ChannelRow, type ChannelView } from './channels.service.ts';
