import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FilterSelect } from './FilterSelect';

describe('FilterSelect', () => {
  it('offers "Any …" first, which turns the filter off', async () => {
    const onChange = jest.fn();
    render(
      <FilterSelect
        id="verdict"
        label="Verdict"
        value="DROPPED"
        onChange={onChange}
        anyLabel="Any verdict"
        options={['FORWARDED', { value: 'DROPPED', label: 'Dropped' }]}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /^Verdict/ }));
    expect(screen.getAllByRole('option').map(o => o.textContent)).toEqual([
      'Any verdict',
      'FORWARDED',
      'Dropped',
    ]);
    await userEvent.click(screen.getByRole('option', { name: 'Any verdict' }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('shows "Any …" when the filter is off, and reports the option picked', async () => {
    const onChange = jest.fn();
    render(
      <FilterSelect
        id="peer"
        label="Peer"
        value={undefined}
        onChange={onChange}
        anyLabel="Any peer"
        options={['cart-service']}
      />,
    );
    const select = screen.getByRole('button', { name: /^Peer/ });
    expect(select).toHaveTextContent('Any peer');
    await userEvent.click(select);
    await userEvent.click(screen.getByRole('option', { name: 'cart-service' }));
    expect(onChange).toHaveBeenLastCalledWith('cart-service');
  });

  it('without anyLabel, only the options are offered', async () => {
    render(
      <FilterSelect
        id="environment"
        label="Environment"
        value="development"
        onChange={jest.fn()}
        options={[
          { value: 'development', label: 'Development' },
          { value: 'production', label: 'Production (production)' },
        ]}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /^Environment/ }));
    expect(screen.getAllByRole('option').map(o => o.textContent)).toEqual([
      'Development',
      'Production (production)',
    ]);
  });
});
