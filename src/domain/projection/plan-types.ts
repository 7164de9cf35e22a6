import type { PublishedFigure } from '../agreement/spec.js'
import type { CurrencyCode } from '../money/currency.js'
import type { RoundingMode } from '../money/rounding.js'
import type { IndexSeriesSet, SeriesId } from '../index-series/index-series.js'

/** The record a projection reads: index series and other agreements' published figures. */
export interface ProjectionInputs {
  readonly indices: IndexSeriesSet
  readonly publishedOf: (agreementId: string, year: number) => PublishedFigure | undefined
}

/**
 * Per-path parameter draws of a normal-shock model (`posterior` in the scenario): σ² = S / χ²_dof
 * (S a sum of squares); for an AR(1) also (c, φ) = (ĉ, φ̂) + σ·L·z with L the Cholesky factor of
 * (XᵀX)⁻¹. Null: the point estimates on every path.
 */
export type PlanPosterior =
  | { readonly kind: 'sigma'; readonly dof: number; readonly ss: number }
  | {
      readonly kind: 'ar1'
      readonly dof: number
      readonly ss: number
      readonly l11: number
      readonly l21: number
      readonly l22: number
    }

/** How one simulated series draws its values (plain data, sent to worker threads). */
export type PlanModel =
  | {
      /** x_t = c + φ·x_{t−1} + σ·ε_t (a random walk is c = 0, φ = 1). */
      readonly kind: 'ar1'
      readonly c: number
      readonly phi: number
      readonly sigma: number
      /** x of the period before the window, percent. */
      readonly start: number
      readonly posterior: PlanPosterior | null
    }
  | { readonly kind: 'bootstrap'; readonly blocks: readonly (readonly number[])[] }
  | { readonly kind: 'path'; readonly values: readonly number[] }

/** What the output says about a series model (parameters, fit period). */
export type ModelReport =
  | {
      readonly series: SeriesId
      readonly model: 'ar1'
      readonly fitted: boolean
      readonly parameters: 'point' | 'posterior'
      readonly fit: { readonly from: number; readonly to: number; readonly pairs: number } | null
      readonly params: {
        readonly c: number
        readonly phi: number
        readonly sigma: number
        readonly mean: number | null
      }
      readonly start: { readonly period: number; readonly value: string }
      readonly periods: readonly number[]
    }
  | {
      readonly series: SeriesId
      readonly model: 'random-walk'
      readonly parameters: 'point' | 'posterior'
      readonly fit: { readonly from: number; readonly to: number; readonly pairs: number }
      readonly params: { readonly sigma: number }
      readonly start: { readonly period: number; readonly value: string }
      readonly periods: readonly number[]
    }
  | {
      readonly series: SeriesId
      readonly model: 'block-bootstrap'
      readonly blockLength: number
      readonly fit: { readonly from: number; readonly to: number }
      readonly blocks: number
      readonly periods: readonly number[]
    }
  | {
      readonly series: SeriesId
      readonly model: 'scenario-path'
      readonly values: Readonly<Record<string, string>>
      readonly periods: readonly number[]
    }

/**
 * The correlation the shocks of two simulated series are drawn with: Pearson's r of the two
 * models' one-step residuals over the periods both fits share, with a 95 % interval (Fisher z).
 */
export interface CorrelationReport {
  readonly series: readonly [SeriesId, SeriesId]
  readonly rho: number
  readonly interval95: readonly [number, number]
  readonly pairs: number
  readonly from: number
  readonly to: number
}

/** One simulated series: a window of consecutive periods, each one slot per path. */
export interface PlanSeries {
  readonly series: SeriesId
  readonly firstPeriod: number
  readonly count: number
  /** Index of this series' first slot in a path's slot vector. */
  readonly slot0: number
  /** Scaled values the record already has inside the window (they reset the state), else null. */
  readonly known: readonly (number | null)[]
  readonly model: PlanModel
  readonly report: ModelReport
  /**
   * Shocks of this series are ρ·ε_other + √(1 − ρ²)·ε for periods the other (earlier) series'
   * window shares; null: independent.
   */
  readonly correlatedWith: { readonly series: number; readonly rho: number } | null
}

/** A rate an escalation applies, scaled (percent × scale). */
export type PlanRate =
  | {
      readonly kind: 'slot'
      readonly slot: number
      readonly capK: number | null
      readonly floorK: number | null
    }
  | { readonly kind: 'const'; readonly k: number; readonly binding: 'cap' | 'floor' | null }

/**
 * How one year of one agreement is obtained. Amounts in minor units = `offset` + unit × A,
 * where A is 0 for exact years and the simulated integer for escalated ones.
 */
export type YearOp =
  | {
      readonly kind: 'exact'
      readonly year: number
      readonly ruleId: string
      /** Minor units, bigint text. */
      readonly amount: string
      /** True when published inputs alone fix it; false when a scenario value was needed. */
      readonly fixed: boolean
      readonly hasCap: boolean
      readonly hasFloor: boolean
      readonly binding: 'cap' | 'floor' | null
    }
  | {
      readonly kind: 'escalate'
      readonly year: number
      readonly ruleId: string
      /** Base in units, or null for the previous year's simulated amount. */
      readonly baseUnits: number | null
      readonly rate: PlanRate
      /** Rounding step in units. */
      readonly stepUnits: number
      readonly mode: RoundingMode
      readonly hasCap: boolean
      readonly hasFloor: boolean
    }
  | {
      readonly kind: 'unknown'
      readonly year: number
      readonly ruleId: string
      readonly reason: string
    }

export interface SpecProgram {
  readonly agreement: {
    readonly id: string
    readonly revision: number
    readonly title: { readonly en: string; readonly ko: string }
  }
  readonly hostNation: 'KR' | 'JP'
  readonly currency: CurrencyCode
  readonly years: readonly YearOp[]
}

/**
 * Everything the Monte Carlo kernel needs, as plain data (structured-cloneable to workers).
 * Rates are integers of 1/scale percent; amounts are integers of `unit` minor units.
 */
export interface ProjectionPlan {
  /** 10^digits: rates are integers of 1/scale percent. */
  readonly scale: number
  /** Minor units per amount unit (the gcd of every rounding step and base), bigint text. */
  readonly unit: string
  readonly series: readonly PlanSeries[]
  readonly slots: number
  readonly programs: readonly SpecProgram[]
  /** True when any year is simulated. */
  readonly stochastic: boolean
  /** The correlation two simulated series are drawn with, or null (independent). */
  readonly correlation: CorrelationReport | null
}
