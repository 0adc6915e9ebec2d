export * from './item-standing';
export * from './assignment-progress';
export * from './open-work';
export * from './recurring-targets';
export * from './unit-order';
