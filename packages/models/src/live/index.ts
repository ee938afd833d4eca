export * from './live.enums';
export * from './live.schemas';
