// The background pipeline as a LiveKit track processor (LocalVideoTrack.setProcessor): LiveKit
// sends its output instead of the camera and hands it a new camera when the person turns the
// camera on again or switches it; the output track stays the same. Type-only LiveKit import: this
// chunk adds no LiveKit code.
import type { Track, TrackProcessor, VideoProcessorOptions } from 'livekit-client';
import type { BackgroundChoice } from '../session/media-settings.js';
import { BackgroundPipeline, type PipelineOptions } from './background-pipeline.js';

export { BackgroundPipeline, MIN_FPS, type BackgroundStatus, type PipelineOptions } from './background-pipeline.js';

/** The segmentation files' folder: `effects/` beside the built SDK's `chunks/` (this chunk's folder). */
export function effectsBaseUrl(): string {
  return new URL('../effects/', import.meta.url).href;
}

export class BackgroundProcessor implements TrackProcessor<Track.Kind.Video, VideoProcessorOptions> {
  readonly name = 'timio-background';
  processedTrack?: MediaStreamTrack;
  private pipeline?: BackgroundPipeline;

  constructor(private readonly options: PipelineOptions) {}

  async init({ track }: VideoProcessorOptions): Promise<void> {
    this.pipeline = await BackgroundPipeline.start(track, this.options);
    this.processedTrack = this.pipeline.output;
  }

  async restart({ track }: VideoProcessorOptions): Promise<void> {
    if (!this.pipeline) return this.init({ track } as VideoProcessorOptions);
    await this.pipeline.setInput(track);
  }

  setChoice(choice: BackgroundChoice): void {
    this.pipeline?.setChoice(choice);
  }

  async destroy(): Promise<void> {
    this.pipeline?.stop();
    this.pipeline = undefined;
    this.processedTrack = undefined;
  }
}
