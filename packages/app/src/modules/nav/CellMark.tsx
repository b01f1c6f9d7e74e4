/**
 * The portal's mark: a cell (a hexagon) holding three connected
 * components, drawn at `size` pixels high. Shared by both logos.
 */
export const CellMark = ({ size }: { size: number }) => (
  <svg
    width={size}
    height={size}
    viewBox="0 0 32 32"
    xmlns="http://www.w3.org/2000/svg"
    aria-hidden="true"
  >
    <polygon
      points="16,1.5 29,9 29,23 16,30.5 3,23 3,9"
      fill="none"
      stroke="#7df3e1"
      strokeWidth="2.5"
      strokeLinejoin="round"
    />
    <path
      d="M11 12.5 L21 12.5 L16 21 Z"
      fill="none"
      stroke="#7df3e1"
      strokeWidth="1.5"
    />
    <circle cx="11" cy="12.5" r="3" fill="#7df3e1" />
    <circle cx="21" cy="12.5" r="3" fill="#7df3e1" />
    <circle cx="16" cy="21" r="3" fill="#7df3e1" />
  </svg>
);
