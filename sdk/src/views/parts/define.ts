// The views register their elements like the light part does (one definition, warn on a second copy).
export { define, define as defineElement } from '../../elements/shared/define.js';
