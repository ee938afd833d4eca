// The downloader lives in the core (remote avatars use it too); objects code reaches it through the core's index.
export { downloadImage } from '..';
