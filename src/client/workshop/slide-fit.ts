/** Below this a slide is unreadable from the back of a room: it scrolls instead. */
export const minimumZoom = 0.5;

/**
 * Scales the shown slide down until it fits its stage (one projector screen, or the frame in
 * an attendee's page), never up, and never below `minimumZoom`. CSS `zoom` scales every unit
 * (Starlight's type sizes are rem, which a font-size change would not reach) and reflows the
 * text to the width it frees, so a long section keeps its line length readable. A binary search
 * of a few layouts: the largest zoom in [minimum, 1] at which nothing overflows.
 */
export function fitSlide(stage: HTMLElement, slide: HTMLElement): number {
  const fits = (zoom: number) => {
    slide.style.zoom = String(zoom);
    return stage.scrollHeight <= stage.clientHeight + 1;
  };
  if (fits(1)) return 1;
  if (!fits(minimumZoom)) return minimumZoom;
  let [low, high] = [minimumZoom, 1];
  for (let step = 0; step < 7; step++) {
    const middle = (low + high) / 2;
    if (fits(middle)) low = middle;
    else high = middle;
  }
  fits(low);
  return low;
}

/** Fits now and again whenever the stage changes size (a window resized, a projector plugged in). */
export function keepSlideFitted(stage: HTMLElement, slide: HTMLElement): () => void {
  const fit = () => {
    stage.dataset.zoom = fitSlide(stage, slide).toFixed(2);
  };
  let width = stage.clientWidth;
  let height = stage.clientHeight;
  new ResizeObserver(() => {
    // Only the stage's own size counts: the slide's content changing (output growing) must not
    // make the text jump while someone reads it.
    if (stage.clientWidth === width && stage.clientHeight === height) return;
    [width, height] = [stage.clientWidth, stage.clientHeight];
    fit();
  }).observe(stage);
  return fit;
}
