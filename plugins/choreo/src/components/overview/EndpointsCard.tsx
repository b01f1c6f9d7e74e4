/** Placeholder: being built. */
export const EndpointsCard = () => <div>EndpointsCard</div>;
