export { storageDirs, ensureStorageDirs, type StorageDirs, type StorageDirName } from './storage';
