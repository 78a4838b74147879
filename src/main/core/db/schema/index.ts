export * from './org';
export * from './users';
export * from './logs';
export * from './roster';
export * from './policy';
export * from './hardship';
export * from './file-imports';
export * from './aid';
