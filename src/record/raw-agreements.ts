// The record as shipped: one JSON file per agreement under data/agreements (regenerate this list when adding one).
import a0 from '../../data/agreements/jp-us-sma-1987.json' with { type: 'json' }
import a1 from '../../data/agreements/jp-us-sma-1991.json' with { type: 'json' }
import a2 from '../../data/agreements/jp-us-sma-1996.json' with { type: 'json' }
import a3 from '../../data/agreements/jp-us-sma-2001.json' with { type: 'json' }
import a4 from '../../data/agreements/jp-us-sma-2006.json' with { type: 'json' }
import a5 from '../../data/agreements/jp-us-sma-2008.json' with { type: 'json' }
import a6 from '../../data/agreements/jp-us-sma-2011.json' with { type: 'json' }
import a7 from '../../data/agreements/jp-us-sma-2016.json' with { type: 'json' }
import a8 from '../../data/agreements/jp-us-sma-2021.json' with { type: 'json' }
import a9 from '../../data/agreements/jp-us-sma-2022.json' with { type: 'json' }
import a10 from '../../data/agreements/rok-us-sma-01.json' with { type: 'json' }
import a11 from '../../data/agreements/rok-us-sma-02.json' with { type: 'json' }
import a12 from '../../data/agreements/rok-us-sma-03.json' with { type: 'json' }
import a13 from '../../data/agreements/rok-us-sma-04.json' with { type: 'json' }
import a14 from '../../data/agreements/rok-us-sma-05.json' with { type: 'json' }
import a15 from '../../data/agreements/rok-us-sma-06.json' with { type: 'json' }
import a16 from '../../data/agreements/rok-us-sma-07.json' with { type: 'json' }
import a17 from '../../data/agreements/rok-us-sma-08.json' with { type: 'json' }
import a18 from '../../data/agreements/rok-us-sma-09.json' with { type: 'json' }
import a19 from '../../data/agreements/rok-us-sma-10.json' with { type: 'json' }
import a20 from '../../data/agreements/rok-us-sma-11.json' with { type: 'json' }
import a21 from '../../data/agreements/rok-us-sma-12.json' with { type: 'json' }
export const rawAgreements: readonly unknown[] = [
  a0,
  a1,
  a2,
  a3,
  a4,
  a5,
  a6,
  a7,
  a8,
  a9,
  a10,
  a11,
  a12,
  a13,
  a14,
  a15,
  a16,
  a17,
  a18,
  a19,
  a20,
  a21,
]
