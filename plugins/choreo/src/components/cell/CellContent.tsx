/** Placeholder: being built. */
export const CellContent = () => <div>CellContent</div>;
