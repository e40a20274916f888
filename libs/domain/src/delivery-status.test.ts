import { advanceProviderStatus, suppressionFor } from './delivery-status.js';

describe('advanceProviderStatus', () => {
  it('moves forward: delayed, then delivered, then a complaint', () => {
    expect(advanceProviderStatus(null, 'delivery_delayed')).toBe('delivery_delayed');
    expect(advanceProviderStatus('delivery_delayed', 'delivered')).toBe('delivered');
    expect(advanceProviderStatus('delivered', 'complained')).toBe('complained');
  });

  it('never lets a late delivered or delayed overwrite a bounce or a complaint', () => {
    expect(advanceProviderStatus('bounced', 'delivered')).toBe('bounced');
    expect(advanceProviderStatus('complained', 'delivery_delayed')).toBe('complained');
    expect(advanceProviderStatus('delivered', 'delivery_delayed')).toBe('delivered');
  });
});

describe('suppressionFor', () => {
  it('stops emails after a hard bounce or a complaint, not after a soft bounce', () => {
    expect(suppressionFor('bounced', 'Permanent')).toBe('bounced');
    expect(suppressionFor('bounced', 'Transient')).toBeNull();
    expect(suppressionFor('complained')).toBe('complained');
    expect(suppressionFor('delivered')).toBeNull();
  });
});
