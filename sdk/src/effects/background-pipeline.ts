// The camera background (blur or one of the host's images), in its own lazily loaded chunk: only a
// person who chose a background loads it. The person is found by MediaPipe's selfie segmentation
// (@mediapipe/selfie_segmentation: its wasm, graph and model are files the SDK's build puts in
// dist/effects/, served by the host, never fetched from anywhere else); the frame is composed on
// a 2D canvas whose stream is the processed camera. Until the first mask, and whenever the
// segmentation fails or cannot keep up, the canvas shows the camera unprocessed: never black.
import type { BackgroundChoice } from '../session/media-settings.js';

/** What the pipeline says about itself: processing, or showing the camera unprocessed and why. */
export type BackgroundStatus = 'running' | 'slow' | 'failed';

export interface PipelineOptions {
  /** Folder URL of the segmentation files (ends with '/'). */
  baseUrl: string;
  choice: BackgroundChoice;
  onStatus?: (status: BackgroundStatus) => void;
}

interface SegmentationResults {
  segmentationMask: CanvasImageSource;
}

interface Segmenter {
  initialize(): Promise<void>;
  setOptions(options: { modelSelection?: number; selfieMode?: boolean; useCpuInference?: boolean }): void;
  onResults(listener: (results: SegmentationResults) => void): void;
  send(inputs: { image: HTMLVideoElement | HTMLCanvasElement }): Promise<void>;
  close(): Promise<void>;
}

type SegmenterClass = new (config: { locateFile: (file: string) => string }) => Segmenter;

declare global {
  interface Window {
    SelfieSegmentation?: SegmenterClass;
  }
}

/** Below this many processed frames per second, over SLOW_WINDOW_MS, the camera goes unprocessed. */
export const MIN_FPS = 5;
const SLOW_WINDOW_MS = 10_000;
/** The blurred background is drawn this many times smaller, then scaled up. */
const BLUR_SCALE = 4;
/** The landscape model's input size. */
const MODEL_WIDTH = 256;
const MODEL_HEIGHT = 144;
/** Frame rate of the output when the camera passes unprocessed. */
const PASS_FPS = 30;

let loading: Promise<SegmenterClass> | undefined;

/** MediaPipe's loader is a classic script that defines a global: added once per page. */
function loadSegmenterClass(baseUrl: string): Promise<SegmenterClass> {
  if (window.SelfieSegmentation) return Promise.resolve(window.SelfieSegmentation);
  loading ??= new Promise<SegmenterClass>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${baseUrl}selfie_segmentation.js`;
    script.async = true;
    script.onload = () => (window.SelfieSegmentation ? resolve(window.SelfieSegmentation) : reject(new Error('segmentation script defined nothing')));
    script.onerror = () => reject(new Error(`cannot load ${script.src}`));
    document.head.append(script);
  }).catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

export class BackgroundPipeline {
  /** The processed camera: a canvas stream that always has frames. */
  readonly output: MediaStreamTrack;
  private readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  private readonly video = document.createElement('video');
  /** What the segmentation is given: the frame at the model's own input size (see segmentFrames). */
  private readonly modelInput = Object.assign(document.createElement('canvas'), { width: MODEL_WIDTH, height: MODEL_HEIGHT });
  private readonly modelCtx = this.modelInput.getContext('2d')!;
  /** The background blurred, at 1/BLUR_SCALE of the output's size; kept, not made per frame. */
  private readonly back = document.createElement('canvas');
  private readonly backCtx = this.back.getContext('2d')!;
  private segmenter?: Segmenter;
  private choice: BackgroundChoice;
  private image?: HTMLImageElement;
  private status?: BackgroundStatus;
  private running = true;
  private processed: number[] = [];
  private startedAt = 0;
  private passTimer?: ReturnType<typeof setInterval>;

  private constructor(private input: MediaStreamTrack, private readonly options: PipelineOptions) {
    this.choice = options.choice;
    this.ctx = this.canvas.getContext('2d')!;
    this.video.muted = true;
    this.video.playsInline = true;
    this.output = this.canvas.captureStream(PASS_FPS).getVideoTracks()[0]!;
    // Hint for the encoder: a camera picture, not text.
    if ('contentHint' in this.output) this.output.contentHint = 'motion';
  }

  /**
   * Starts processing `input`; resolves once the output has its first frame (the camera
   * unprocessed if the segmentation is still starting). Rejects only if the camera cannot play.
   */
  static async start(input: MediaStreamTrack, options: PipelineOptions): Promise<BackgroundPipeline> {
    const pipeline = new BackgroundPipeline(input, options);
    await pipeline.play();
    pipeline.passThrough();
    void pipeline.startSegmenter();
    return pipeline;
  }

  /** The camera changed (device switch, camera on again): same output, new input. */
  async setInput(input: MediaStreamTrack): Promise<void> {
    this.input = input;
    this.restartRate();
    await this.play();
  }

  /** The rate counts from now (a new camera, or the camera was off: no frames is not slowness). */
  private restartRate(): void {
    this.startedAt = performance.now();
    this.processed = [];
  }

  setChoice(choice: BackgroundChoice): void {
    this.choice = choice;
    this.image = undefined;
    if (choice.startsWith('image:')) void this.loadImage(choice.slice(6));
  }

  stop(): void {
    this.running = false;
    clearInterval(this.passTimer);
    this.output.stop();
    this.video.srcObject = null;
    void this.segmenter?.close().catch(() => undefined);
  }

  private async play(): Promise<void> {
    this.video.srcObject = new MediaStream([this.input]);
    await this.video.play();
    const deadline = Date.now() + 5_000;
    while (this.video.videoWidth === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    this.canvas.width = this.video.videoWidth || 640;
    this.canvas.height = this.video.videoHeight || 360;
  }

  /** Draws the camera as it is, at the camera's rate, until the segmentation takes over. */
  private passThrough(): void {
    clearInterval(this.passTimer);
    const draw = () => {
      if (this.video.readyState >= 2) this.ctx.drawImage(this.video, 0, 0, this.canvas.width, this.canvas.height);
    };
    draw();
    this.passTimer = setInterval(draw, 1000 / PASS_FPS);
  }

  private report(status: BackgroundStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.options.onStatus?.(status);
  }

  private async startSegmenter(): Promise<void> {
    try {
      if (this.choice.startsWith('image:')) await this.loadImage(this.choice.slice(6));
      const Segmenter = await loadSegmenterClass(this.options.baseUrl);
      const segmenter = new Segmenter({ locateFile: (file) => `${this.options.baseUrl}${file}` });
      // The landscape model (144x256) suits 16:9 cameras; CPU inference (wasm SIMD) is several
      // times faster than WebGL inference on machines that render WebGL in software.
      segmenter.setOptions({ modelSelection: 1, selfieMode: false, useCpuInference: true });
      segmenter.onResults((results) => this.compose(results));
      await segmenter.initialize();
      if (!this.running) {
        void segmenter.close();
        return;
      }
      this.segmenter = segmenter;
      await this.segmentFrames();
    } catch {
      if (this.running) this.report('failed');
    }
  }

  private async segmentFrames(): Promise<void> {
    this.restartRate();
    let first = true;
    while (this.running && this.status !== 'slow') {
      if (this.video.readyState < 2 || this.input.readyState !== 'live' || this.input.muted) {
        this.restartRate();
        await new Promise((r) => setTimeout(r, 30));
        continue;
      }
      // The model sees 256×144 anyway: scaled down here (one cheap 2D draw), MediaPipe uploads,
      // converts and resizes a sixth of the pixels through its WebGL graph, which on a machine
      // without a GPU was most of a frame's time (bench/README.md, backgrounds).
      this.modelCtx.drawImage(this.video, 0, 0, MODEL_WIDTH, MODEL_HEIGHT);
      await this.segmenter!.send({ image: this.modelInput });
      if (first) {
        // The segmentation delivers frames: it draws from now on.
        first = false;
        clearInterval(this.passTimer);
        this.report('running');
      }
      this.checkRate();
      // Leaves the page's own work (and the encoder) a turn between frames.
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  private checkRate(): void {
    const now = performance.now();
    this.processed.push(now);
    while (this.processed.length && this.processed[0]! < now - SLOW_WINDOW_MS) this.processed.shift();
    if (now - this.startedAt < SLOW_WINDOW_MS) return;
    if (this.processed.length < (MIN_FPS * SLOW_WINDOW_MS) / 1000) {
      console.warn(`[timio] camera background: ${this.processed.length} frames in ${SLOW_WINDOW_MS / 1000} s, too slow; the camera goes unprocessed`);
      this.report('slow');
      this.passThrough();
    }
  }

  /**
   * Draws the output from the mask and the camera's current frame at full size (the mask was made
   * from the frame a few ms earlier: at most one camera frame apart).
   */
  private compose({ segmentationMask }: SegmentationResults): void {
    if (!this.running || this.status === 'slow') return;
    const image = this.video;
    const { ctx } = this;
    const { width: w, height: h } = this.canvas;
    ctx.save();
    if (this.choice === 'none') {
      ctx.globalCompositeOperation = 'copy';
      ctx.drawImage(image, 0, 0, w, h);
      ctx.restore();
      return;
    }
    // The person: the mask's alpha keeps the frame's pixels where the person is.
    ctx.globalCompositeOperation = 'copy';
    ctx.filter = 'none';
    ctx.drawImage(segmentationMask, 0, 0, w, h);
    ctx.globalCompositeOperation = 'source-in';
    ctx.drawImage(image, 0, 0, w, h);
    // Behind the person: the blurred frame (drawn a little larger, so the blur has no dark rim)
    // or the host's image, cropped to fill.
    ctx.globalCompositeOperation = 'destination-over';
    if (this.image) {
      const scale = Math.max(w / this.image.naturalWidth, h / this.image.naturalHeight);
      const iw = this.image.naturalWidth * scale;
      const ih = this.image.naturalHeight * scale;
      ctx.drawImage(this.image, (w - iw) / 2, (h - ih) / 2, iw, ih);
    } else {
      // Blurred at a quarter of the size and scaled up: the same look for a sixteenth of the
      // pixels (the 2D canvas is rasterised on the CPU where there is no GPU).
      const { back, backCtx } = this;
      const bw = Math.max(1, Math.round(w / BLUR_SCALE));
      const bh = Math.max(1, Math.round(h / BLUR_SCALE));
      if (back.width !== bw || back.height !== bh) Object.assign(back, { width: bw, height: bh });
      const radius = Math.max(2, Math.round(bw / 40));
      backCtx.filter = `blur(${radius}px)`;
      backCtx.drawImage(image, -2 * radius, -2 * radius, bw + 4 * radius, bh + 4 * radius);
      ctx.filter = 'none';
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(back, 0, 0, w, h);
    }
    ctx.restore();
  }

  private async loadImage(url: string): Promise<void> {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    try {
      await img.decode();
    } catch {
      // an image the host named but that does not load: blur instead, and say so
      if (this.choice === `image:${url}`) this.report('failed');
      return;
    }
    if (this.choice === `image:${url}`) this.image = img;
  }
}
