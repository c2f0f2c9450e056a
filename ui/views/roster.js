// @ts-check
// A group's roster as a table that draws only the rows in view: a room of
// thousands opens and scrolls as one of ten. A spacer row above and one
// below stand for the rest, so the scroll bar is that of the whole list.
// Rows have one height (styled so: one line each, cut with an ellipsis), and
// the columns fixed widths, so no row that scrolls in moves the others.

import { h } from '../dom.js';

const ROW = 37; // px: the height style.css gives a roster row, until one is measured
const OVERSCAN = 10; // rows drawn beyond each edge of the view

/**
 * @template T
 * @param {HTMLElement} pane the element that scrolls the roster
 * @param {T[]} members
 * @param {(member: T) => HTMLTableRowElement} rowFor
 * @returns {HTMLTableElement}
 */
export function roster(pane, members, rowFor) {
  const body = h('tbody');
  const table = /** @type {HTMLTableElement} */ (h('table.roster',
    h('colgroup', h('col.dot-col'), h('col'), h('col.num-col'), h('col.date-col')), body));
  let row = ROW;
  let measured = false;
  let drawn = '';
  // An empty cell takes a pixel even in a row of no height: no rows, no spacer.
  const spacer = (rows) =>
    h('tr.spacer', { 'aria-hidden': 'true', style: rows ? `height:${rows * row}px` : 'display:none' }, h('td', { colSpan: 4 }));

  const resized = new ResizeObserver(() => draw()); // the pane, and what holds the table
  function draw() {
    if (!table.isConnected) {
      // The pane shows another group now, or another screen.
      pane.removeEventListener('scroll', draw);
      resized.disconnect();
      return;
    }
    const above = pane.getBoundingClientRect().top - table.getBoundingClientRect().top;
    const height = pane.clientHeight || window.innerHeight;
    const first = Math.max(0, Math.min(members.length, Math.floor(above / row) - OVERSCAN));
    const last = Math.max(first, Math.min(members.length, Math.ceil((above + height) / row) + OVERSCAN));
    const key = `${first} ${last} ${row}`;
    if (key === drawn) return;
    drawn = key;
    body.replaceChildren(spacer(first), ...members.slice(first, last).map(rowFor), spacer(members.length - last));
    // The first row drawn is measured, once, in case fonts made it other than ROW.
    const sample = measured ? null : body.querySelector('tr:not(.spacer)');
    if (sample) {
      measured = true;
      const height = sample.getBoundingClientRect().height;
      if (height && Math.abs(height - row) > 0.5) {
        row = height;
        draw();
      }
    }
  }

  pane.addEventListener('scroll', draw, { passive: true });
  resized.observe(pane);
  // Drawn once the table is in the page: where it sits decides what is in view.
  queueMicrotask(() => {
    // What is above it may grow (the members to ask, all shown): it moves.
    if (table.parentElement) resized.observe(table.parentElement);
    draw();
  });
  return table;
}
