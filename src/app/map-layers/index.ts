export { createBlocksLayer, type BlocksLayerOptions } from './blocks-layer.ts';
export { createAreaLayer, createLandcoverLayer, createRailwaysLayer, createStreetsLayer } from './context-layers.ts';
export { createHoverLayer } from './hover-layer.ts';
