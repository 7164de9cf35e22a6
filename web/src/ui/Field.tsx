import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react'

interface FieldProps {
  /** The visible label (the control's accessible name). */
  readonly label: ReactNode
  /** A line under the control, linked to it with aria-describedby. */
  readonly hint?: ReactNode
  /** Shows the hint as an error. */
  readonly hintError?: boolean | undefined
  readonly invalid?: boolean | undefined
  readonly testId?: string | undefined
  readonly id?: string | undefined
  readonly value: string | number
  readonly onValue: (value: string) => void
}

/**
 * Splits a field's props into the label/hint wrapper's and the control's, and ties them
 * together (ids, aria-describedby, aria-invalid, the value and its change).
 */
function useField<P extends FieldProps>({
  label,
  hint,
  hintError,
  invalid,
  testId,
  id,
  value,
  onValue,
  ...rest
}: P) {
  const auto = useId()
  const controlId = id ?? auto
  const hintId = `${controlId}-hint`
  return {
    shell: { controlId, hintId, label, hint, hintError },
    control: {
      ...rest,
      id: controlId,
      value,
      'aria-invalid': invalid,
      'aria-describedby': hint === undefined ? undefined : hintId,
      'data-testid': testId,
      onChange: (e: { readonly target: { readonly value: string } }) => {
        onValue(e.target.value)
      },
    },
  }
}

function Shell({
  controlId,
  hintId,
  label,
  hint,
  hintError,
  children,
}: {
  readonly controlId: string
  readonly hintId: string
  readonly label: ReactNode
  readonly hint: ReactNode
  readonly hintError: boolean | undefined
  readonly children: ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={controlId}>{label}</label>
      {children}
      {hint !== undefined && (
        <span id={hintId} className={hintError ? 'hint error-inline' : 'hint'}>
          {hint}
        </span>
      )}
    </div>
  )
}

type Native<A> = Omit<A, 'value' | 'onChange' | 'id'>

/** A labelled text or number input with an optional hint. */
export function Field(props: Native<InputHTMLAttributes<HTMLInputElement>> & FieldProps) {
  const { shell, control } = useField(props)
  return (
    <Shell {...shell}>
      <input {...control} />
    </Shell>
  )
}

/** A labelled select; the options are its children. */
export function SelectField(props: Native<SelectHTMLAttributes<HTMLSelectElement>> & FieldProps) {
  const { shell, control } = useField(props)
  return (
    <Shell {...shell}>
      <select {...control} />
    </Shell>
  )
}

/** A labelled multi-line text. */
export function TextAreaField(
  props: Native<TextareaHTMLAttributes<HTMLTextAreaElement>> & FieldProps,
) {
  const { shell, control } = useField(props)
  return (
    <Shell {...shell}>
      <textarea {...control} />
    </Shell>
  )
}

/** A whole number from `min` (to `max`): a number input with the numeric keyboard on phones. */
export function WholeNumberField(
  props: Omit<Native<InputHTMLAttributes<HTMLInputElement>>, 'type' | 'step'> &
    FieldProps & { readonly min: number },
) {
  return <Field inputMode="numeric" {...props} type="number" step={1} />
}
