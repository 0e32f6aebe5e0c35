/** The public API: the tensor engine, autograd, neural-network building blocks and data loading. */
export * from './tensor';
export * from './autograd';
export * from './nn';
export * from './data';
