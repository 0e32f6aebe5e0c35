/** Failures drawn as pictures of the tensors (see style.ts for when and how). */
export { pictureMode, type PictureMode } from './style';
export { comparisonPicture } from './compare';
export { viewComparisonPicture, viewPicture } from './views';
export { alignedShapesPicture } from './shapes';
