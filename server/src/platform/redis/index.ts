export { createRedis, redisOptions, redisKey } from './redis';
