// States that needed help to meet their reporting obligations (000_c2f5e927b2c5c592.txt fn 5). The
// priority formula treats them as "could not report" until palermo holds their cycle responses.
export const STATES_NEEDING_REPORTING_HELP: readonly string[] = [
  'ALB', 'DZA', 'BDI', 'KHM', 'CMR', 'TCD', 'ECU', 'GAB', 'GIN', 'IDN', 'MDA', 'NAM', 'NER', 'PHL', 'STP', 'TJK',
];
