export declare const EFFECT_FILES: readonly string[];
/** The folder of the installed @mediapipe/selfie_segmentation package. */
export declare function effectsFolder(): string;
export declare function effectsAssetsPlugin(): { name: string; generateBundle(): void };
