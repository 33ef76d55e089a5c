// The demo shop: a small apparel and homeware brand selling on six channels from two
// warehouses and a flagship store. Plain data, so the seeder stays short.
export const DEMO_CHANNELS = [
  { code: 'web', name: 'Web shop', kind: 'web' },
  { code: 'pos', name: 'Store tills', kind: 'pos' },
  { code: 'phone', name: 'Call center', kind: 'call_center' },
  { code: 'app', name: 'Mobile app', kind: 'mobile' },
  { code: 'kiosk', name: 'In-store kiosk', kind: 'kiosk' },
  { code: 'market', name: 'Marketplace', kind: 'marketplace' },
] as const;

export const DEMO_LOCATIONS = [
  { code: 'WH-EAST', name: 'East warehouse (Newark)', kind: 'warehouse', ships: true, pickup: false, priority: 10,
    address: { line1: '200 Doremus Ave', city: 'Newark', region: 'NJ', postal_code: '07105', country: 'US' }, latitude: 40.7244, longitude: -74.1436 },
  { code: 'WH-WEST', name: 'West warehouse (Reno)', kind: 'warehouse', ships: true, pickup: false, priority: 20,
    address: { line1: '9550 Gateway Dr', city: 'Reno', region: 'NV', postal_code: '89521', country: 'US' }, latitude: 39.4568, longitude: -119.7578 },
  { code: 'STORE-NYC', name: 'Flagship store (New York)', kind: 'store', ships: true, pickup: true, priority: 50,
    address: { line1: '120 Spring St', city: 'New York', region: 'NY', postal_code: '10012', country: 'US' }, latitude: 40.7246, longitude: -73.9981 },
] as const;

const COLORS = ['Black', 'White', 'Navy'] as const;
const SIZES = ['S', 'M', 'L', 'XL'] as const;

export interface DemoProduct {
  sku: string; name: string; price: number; weight_g: number; policy: 'deny' | 'continue';
  /** Packed size, so the box suggestion has something to measure. */
  length_mm: number; width_mm: number; height_mm: number;
}

type Size = [length_mm: number, width_mm: number, height_mm: number];
const measured = ([length_mm, width_mm, height_mm]: Size) => ({ length_mm, width_mm, height_mm });

/** ~50 products: sized apparel in colours plus accessories and homeware. */
export function demoProducts(): DemoProduct[] {
  const products: DemoProduct[] = [];
  for (const color of COLORS) {
    for (const size of SIZES) {
      products.push({ sku: `TEE-${color.slice(0, 3).toUpperCase()}-${size}`, name: `Organic tee, ${color}, ${size}`, price: 2400, weight_g: 180, policy: 'deny', ...measured([300, 250, 20]) });
    }
  }
  for (const color of ['Grey', 'Black'] as const) {
    for (const size of SIZES) {
      products.push({ sku: `HOOD-${color.slice(0, 3).toUpperCase()}-${size}`, name: `Heavy hoodie, ${color}, ${size}`, price: 6800, weight_g: 650, policy: 'deny', ...measured([350, 300, 60]) });
    }
  }
  const rest: [string, string, number, number, 'deny' | 'continue', Size][] = [
    ['MUG-STONE', 'Stoneware mug', 1800, 420, 'deny', [120, 100, 100]], ['MUG-ENAMEL', 'Enamel camp mug', 1600, 210, 'deny', [110, 90, 90]],
    ['CAP-BLK', 'Six-panel cap, black', 2800, 110, 'deny', [250, 180, 120]], ['CAP-OLV', 'Six-panel cap, olive', 2800, 110, 'deny', [250, 180, 120]],
    ['BEANIE-RIB', 'Rib beanie', 2200, 90, 'deny', [200, 150, 40]], ['SOCK-3PK', 'Wool socks, 3 pack', 1900, 160, 'deny', [200, 100, 40]],
    ['TOTE-CANVAS', 'Canvas tote', 2500, 300, 'deny', [380, 300, 20]], ['BAG-DAY', 'Daypack 20 L', 8900, 780, 'deny', [450, 300, 150]],
    ['NOTE-A5', 'Dot-grid notebook A5', 1400, 280, 'deny', [210, 148, 15]], ['PEN-BRASS', 'Brass pen', 3400, 40, 'deny', [140, 15, 15]],
    ['BOTTLE-750', 'Steel bottle 750 ml', 3200, 380, 'deny', [260, 75, 75]], ['TOWEL-BEACH', 'Beach towel', 3900, 700, 'deny', [400, 300, 60]],
    ['CANDLE-CEDAR', 'Cedar candle', 2600, 350, 'deny', [100, 100, 110]], ['BLANKET-WOOL', 'Wool blanket', 14900, 1600, 'deny', [500, 400, 120]],
    ['POSTER-MAP', 'City map poster', 3000, 250, 'deny', [620, 80, 80]], ['PIN-SET', 'Enamel pin set', 1200, 30, 'deny', [120, 90, 15]],
    ['APRON-DENIM', 'Denim apron', 4200, 420, 'deny', [300, 250, 30]], ['SCARF-MERINO', 'Merino scarf', 5600, 160, 'deny', [250, 200, 40]],
    ['JACKET-RAIN-M', 'Rain jacket M (pre-order)', 16800, 520, 'continue', [400, 300, 60]], ['JACKET-RAIN-L', 'Rain jacket L (pre-order)', 16800, 540, 'continue', [400, 300, 70]],
    ['GIFT-BOX', 'Gift box', 500, 150, 'deny', [250, 200, 100]], ['KEYRING', 'Leather key ring', 1500, 25, 'deny', [100, 40, 15]],
    ['GLOVES-WOOL', 'Wool gloves', 3200, 120, 'deny', [250, 120, 30]], ['PLANTER-CLAY', 'Clay planter', 2900, 900, 'deny', [180, 180, 170]],
    ['JOURNAL-LINEN', 'Linen journal', 2400, 350, 'deny', [220, 160, 25]], ['TEA-TIN', 'Loose-leaf tea tin', 1700, 200, 'deny', [110, 80, 80]],
    ['COASTER-SET', 'Cork coaster set', 1300, 120, 'deny', [110, 110, 40]], ['UMBRELLA', 'Compact umbrella', 3600, 400, 'deny', [300, 70, 70]],
    ['WALLET-CARD', 'Card wallet', 4500, 60, 'deny', [110, 80, 10]], ['BOOTS-CARE', 'Boot care kit (pre-order)', 2200, 300, 'continue', [200, 150, 80]],
  ];
  for (const [sku, name, price, weight_g, policy, measures] of rest) products.push({ sku, name, price, weight_g, policy, ...measured(measures) });
  return products;
}

/** A valid EAN-13 for the n-th product (a private-use 200 prefix). */
export function ean13(n: number): string {
  const body = `200${String(n).padStart(9, '0')}`;
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

export const FIRST_NAMES = ['Ana', 'Ben', 'Chloe', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isabel', 'Jamal', 'Kira', 'Liam', 'Maya', 'Noah', 'Olivia', 'Pedro', 'Quinn', 'Rosa', 'Sam', 'Tara', 'Umar', 'Vera', 'Wen', 'Yusuf', 'Zoe'] as const;
export const LAST_NAMES = ['Lima', 'Smith', 'Nguyen', 'Garcia', 'Kowalski', 'Okafor', 'Tanaka', 'Müller', 'Rossi', 'Johnson', 'Haddad', 'Silva', 'Brown', 'Kim', 'Novak', 'Dubois'] as const;

/** US cities with coordinates, so routing by distance has something to measure. */
export const CITIES = [
  { city: 'New York', region: 'NY', postal_code: '10001', latitude: 40.7506, longitude: -73.9972 },
  { city: 'Boston', region: 'MA', postal_code: '02108', latitude: 42.3576, longitude: -71.0648 },
  { city: 'Philadelphia', region: 'PA', postal_code: '19103', latitude: 39.9522, longitude: -75.1739 },
  { city: 'Chicago', region: 'IL', postal_code: '60601', latitude: 41.8858, longitude: -87.6181 },
  { city: 'Atlanta', region: 'GA', postal_code: '30303', latitude: 33.7525, longitude: -84.3888 },
  { city: 'Denver', region: 'CO', postal_code: '80202', latitude: 39.7525, longitude: -104.9995 },
  { city: 'Seattle', region: 'WA', postal_code: '98101', latitude: 47.6101, longitude: -122.3344 },
  { city: 'San Francisco', region: 'CA', postal_code: '94103', latitude: 37.7725, longitude: -122.4091 },
  { city: 'Los Angeles', region: 'CA', postal_code: '90012', latitude: 34.0614, longitude: -118.2385 },
  { city: 'Austin', region: 'TX', postal_code: '78701', latitude: 30.2711, longitude: -97.7437 },
] as const;
