// Classification and colour of indicator values for choropleth maps: pure functions, no DOM.
export { quantileBreaks, type QuantileBreaksOptions } from './quantile-breaks.ts';
export { equalIntervalBreaks, type EqualIntervalBreaksOptions } from './equal-interval-breaks.ts';
export { jenksBreaks, type JenksBreaksOptions } from './jenks-breaks.ts';
export { stdDevBreaks, type StdDevBreaksOptions } from './std-dev-breaks.ts';
export { boxBreaks, type BoxBreaksOptions } from './box-breaks.ts';
export { classIndex, NO_DATA_CLASS } from './class-index.ts';
export { finiteValues } from './finite-values.ts';
export { sortedFiniteValues } from './sorted-finite-values.ts';
export { quantileClasses, type ClassBin, type Classification, type QuantileClassesOptions } from './quantile-classes.ts';
export {
  classifyValues,
  CLASSIFICATION_METHODS,
  MAX_CLASSES,
  MIN_CLASSES,
  type ClassificationMethod,
  type ClassifyValuesOptions,
  type MethodClassification,
} from './classify-values.ts';
export { sequentialPalette, NO_DATA_RGB, type RGB, type SequentialScheme } from './sequential-palette.ts';
export { divergingPalette, isDivergingScheme, type DivergingScheme } from './diverging-palette.ts';
export { classPalette, DIVERGING_SCHEMES, SEQUENTIAL_SCHEMES, type ClassPaletteOptions, type PaletteScheme } from './class-palette.ts';
export { classColors, type ClassColorsOptions } from './class-colors.ts';
export { rankValues } from './rank-values.ts';
