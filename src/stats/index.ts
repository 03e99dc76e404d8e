export {
  CONFIDENCE_LEVEL,
  type Estimate,
  estimate,
  fiellerRatio,
  type PairedDifference,
  pairedDifference,
} from './confidence.ts';
export { MSER_BATCH, type MserResult, mser5 } from './mser.ts';
export { incompleteBeta, logGamma, studentTCdf, studentTQuantile } from './student-t.ts';
