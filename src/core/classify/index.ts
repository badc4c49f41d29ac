// Classification and colour of indicator values for choropleth maps: pure functions, no DOM.
export { quantileBreaks, type QuantileBreaksOptions } from './quantile-breaks.ts';
export { classIndex, NO_DATA_CLASS } from './class-index.ts';
export { finiteValues } from './finite-values.ts';
export { quantileClasses, type ClassBin, type Classification, type QuantileClassesOptions } from './quantile-classes.ts';
export { sequentialPalette, NO_DATA_RGB, type RGB, type SequentialScheme } from './sequential-palette.ts';
