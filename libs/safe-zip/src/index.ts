export * from './safe-zip';
