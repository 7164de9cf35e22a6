import { CliError, cliConfig, systemCode } from './cli-error.js'

/**
 * A minimal client of the SMA Desk API for CLI commands: Bearer token and server URL from flags,
 * else from the configuration (SMA_TOKEN, SMA_SERVER). Every failure is one CliError line.
 */
export interface ApiClient {
  readonly server: string
  get<T>(path: string): Promise<T>
  /** A file (CSV, XLSX, PDF) as bytes. */
  getFile(path: string, accept: string): Promise<Buffer>
  /** POSTs a JSON body; the answer's text (JSON). */
  post(path: string, body: unknown): Promise<string>
}

export function apiClient(flags: {
  server?: string | undefined
  token?: string | undefined
  /** false for public reads: without a token the client asks as an anonymous visitor. */
  requireToken?: boolean
}): ApiClient {
  const config = cliConfig()
  const server = (flags.server ?? config.server).replace(/\/+$/, '')
  try {
    new URL(server)
  } catch {
    throw new CliError(
      `--server ${server} is not a URL`,
      `"--server" 값 "${server}"은(는) 올바른 서버 주소가 아닙니다.`,
    )
  }
  const token = flags.token ?? config.token
  if ((token === undefined || token === '') && flags.requireToken !== false) {
    throw new CliError(
      'no API token: pass --token or set SMA_TOKEN (create one with `sma token create --email …`)',
      'API 토큰이 없습니다. "--token"을 지정하거나 "SMA_TOKEN"을 설정하십시오. 토큰은 "sma token create --email …"으로 만듭니다.',
    )
  }
  async function request(path: string, accept: string, body?: unknown): Promise<Response> {
    let res: Response
    try {
      res = await fetch(server + path, {
        ...(body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }),
        headers: {
          accept,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token === undefined || token === '' ? {} : { authorization: `Bearer ${token}` }),
        },
        signal: AbortSignal.timeout(120_000),
      })
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code
      throw new CliError(
        `cannot reach ${server}${cause === undefined ? '' : ` (${cause})`}: is the server running?`,
        `서버 "${server}"에 연결할 수 없습니다${systemCode((err as { cause?: unknown }).cause)}. 서버가 실행 중인지 확인하십시오.`,
      )
    }
    if (res.ok) return res
    const text = await res.text()
    let detail = ''
    let detailKo: string | undefined
    try {
      const p = JSON.parse(text) as { detail?: unknown; detailKo?: unknown }
      if (typeof p.detail === 'string') detail = p.detail
      if (typeof p.detailKo === 'string') detailKo = p.detailKo.split('\n')[0]
    } catch {
      // not a problem document: the status says enough
    }
    if (res.status === 401)
      throw new CliError(
        `the server refused the API token (401)`,
        '서버가 API 토큰을 거부했습니다(401). 토큰이 유효한지 확인하십시오.',
      )
    if (res.status === 403)
      throw new CliError(
        `not allowed (403): ${detail}`,
        `권한이 없습니다(403). ${detailKo ?? '이 작업을 할 권한이 없습니다.'}`,
      )
    if (res.status === 404)
      throw new CliError(
        `not found (404): ${path} does not exist or is not visible to you`,
        `찾을 수 없습니다(404). "${path}" 자료가 없거나 조회 권한이 없습니다.`,
      )
    throw new CliError(
      `server answered ${res.status}${detail === '' ? '' : `: ${detail.split('\n')[0] ?? ''}`}`,
      `서버가 오류로 응답했습니다(${res.status}).${detailKo === undefined ? '' : ` ${detailKo}`}`,
    )
  }
  return {
    server,
    async get<T>(path: string): Promise<T> {
      const text = await (await request(path, 'application/json')).text()
      try {
        return JSON.parse(text) as T
      } catch {
        throw new CliError(
          `${server} answered something that is not JSON`,
          `서버 "${server}"의 응답이 JSON 형식이 아닙니다.`,
        )
      }
    },
    async getFile(path: string, accept: string): Promise<Buffer> {
      return Buffer.from(await (await request(path, accept)).arrayBuffer())
    },
    async post(path: string, body: unknown): Promise<string> {
      return (await request(path, 'application/json', body)).text()
    },
  }
}
