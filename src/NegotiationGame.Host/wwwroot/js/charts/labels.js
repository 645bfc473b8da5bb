// @ts-check
// Labels of chart marks that never cover one another: each takes the first free corner around its point.

const LABEL_HEIGHT = 13;

// The box a label covers, with its width estimated from its length (SVG text cannot be measured before it is shown).
export function labelBox({ x, y, anchor, text }) {
  const width = text.length * 7.5;
  const left = anchor === "end" ? x - width : x;
  return { left, right: left + width, top: y - LABEL_HEIGHT + 2, bottom: y + 2 };
}

export const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Points such as Nash, KS and the outcome often coincide: each label takes the first corner around its point that
 * stays clear of the labels already placed. When all four are taken, a label that must show moves further down; one
 * that may go (`optional`, such as the number of one offer among many) is left out.
 * @param {{ x: number, y: number, text: string, gap: number, optional?: boolean }[]} marks in order of importance
 * @param {{ width: number }} box
 */
export function placeLabels(marks, box) {
  const placed = [];
  for (const { x, y, text, gap, optional } of marks) {
    const corners = [[-1, -1], [1, -1], [-1, 1], [1, 1]].map(([dx, dy]) => ({
      x: x + dx * gap, y: dy < 0 ? y - gap : y + gap + LABEL_HEIGHT - 4, anchor: dx < 0 ? "end" : "start", text,
    }));
    const inside = corners.filter(l => { const b = labelBox(l); return b.left >= 0 && b.right <= box.width && b.top >= 0; });
    const free = inside.find(l => !placed.some(other => overlaps(labelBox(l), labelBox(other))));
    if (!free && optional) continue;
    const label = free ?? { ...(inside[0] ?? corners[0]) };
    while (!free && placed.some(other => overlaps(labelBox(label), labelBox(other)))) label.y += LABEL_HEIGHT;
    placed.push(label);
  }
  return placed;
}
