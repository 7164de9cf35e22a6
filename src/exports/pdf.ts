import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import type { BriefBlock, BriefDoc } from '../domain/exports/brief.js'

/**
 * Draws a brief (src/domain/exports/brief.ts) as an A4 PDF with pdfkit. The font is Noto Sans KR
 * (SIL OFL, from the npm package @expo-google-fonts/noto-sans-kr), embedded as a subset of the
 * glyphs used, so Korean renders anywhere and copies out as text. Nothing is downloaded.
 */
const require = createRequire(import.meta.url)
const FONT_PKG = '@expo-google-fonts/noto-sans-kr'
let fonts: { regular: Buffer; bold: Buffer } | null = null

/** The font files, read once per process. */
function fontFiles(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve(`${FONT_PKG}/400Regular/NotoSansKR_400Regular.ttf`)),
    bold: readFileSync(require.resolve(`${FONT_PKG}/700Bold/NotoSansKR_700Bold.ttf`)),
  }
  return fonts
}

const MARGIN = 56
const INK = '#1a1a1a'
const MUTED = '#555555'
const RULE = '#999999'
const BAR = '#2f5d8a'

type Doc = InstanceType<typeof PDFDocument>

function contentWidth(doc: Doc): number {
  return doc.page.width - 2 * MARGIN
}

/** Starts a new page when `height` does not fit above the footer. */
function ensure(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN - 24) doc.addPage()
}

function table(doc: Doc, block: Extract<BriefBlock, { kind: 'table' }>): void {
  const width = contentWidth(doc)
  const total = block.columns.reduce((s, c) => s + c.weight, 0)
  const widths = block.columns.map((c) => (c.weight / total) * width)
  const pad = 4
  const rowHeight = (cells: readonly string[], font: string): number => {
    doc.font(font).fontSize(9.5)
    return (
      Math.max(
        ...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 0) - 2 * pad })),
      ) +
      2 * pad
    )
  }
  const drawRow = (cells: readonly string[], font: string, header: boolean): void => {
    const h = rowHeight(cells, font)
    ensure(doc, h)
    const y = doc.y
    let x = MARGIN
    if (header) doc.rect(MARGIN, y, width, h).fill('#e8eef4')
    doc.fillColor(INK).font(font).fontSize(9.5)
    cells.forEach((c, i) => {
      const w = widths[i] ?? 0
      doc.text(c, x + pad, y + pad, {
        width: w - 2 * pad,
        align: block.columns[i]?.right && !header ? 'right' : 'left',
      })
      x += w
    })
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke()
    doc.x = MARGIN
    doc.y = y + h
  }
  // Keep the header with at least the first row (a table is not cut after its header).
  ensure(
    doc,
    rowHeight(
      block.columns.map((c) => c.header),
      'bold',
    ) + rowHeight(block.rows[0] ?? [''], 'regular'),
  )
  drawRow(
    block.columns.map((c) => c.header),
    'bold',
    true,
  )
  for (const r of block.rows) drawRow(r, 'regular', false)
  doc.moveDown(0.6)
}

function bars(doc: Doc, block: Extract<BriefBlock, { kind: 'bars' }>): void {
  const height = 120
  ensure(doc, height + 50)
  doc.font('bold').fontSize(9.5).fillColor(INK).text(block.caption, MARGIN, doc.y)
  const top = doc.y + 14
  const width = contentWidth(doc)
  const slot = width / Math.max(1, block.bars.length)
  const barW = Math.min(48, slot * 0.6)
  block.bars.forEach((b, i) => {
    const x = MARGIN + i * slot + (slot - barW) / 2
    const h = b.value === null ? 0 : Math.max(1, b.value * height)
    if (b.value === null)
      doc
        .rect(x, top, barW, height)
        .dash(3, { space: 3 })
        .lineWidth(0.6)
        .strokeColor(RULE)
        .stroke()
        .undash()
    else doc.rect(x, top + height - h, barW, h).fill(BAR)
    doc.fillColor(MUTED).font('regular').fontSize(7.5)
    doc.text(b.text, MARGIN + i * slot, top + height - h - 12, {
      width: slot,
      align: 'center',
      lineBreak: false,
    })
    doc
      .fillColor(INK)
      .fontSize(8.5)
      .text(b.label, MARGIN + i * slot, top + height + 4, { width: slot, align: 'center' })
  })
  doc.x = MARGIN
  doc.y = top + height + 24
}

function block(doc: Doc, b: BriefBlock): void {
  const width = contentWidth(doc)
  switch (b.kind) {
    case 'heading':
      ensure(doc, 60)
      doc
        .moveDown(0.4)
        .font('bold')
        .fontSize(12)
        .fillColor(INK)
        .text(b.text, MARGIN, doc.y, { width })
      doc.moveDown(0.3)
      return
    case 'paragraph':
      doc
        .font('regular')
        .fontSize(10)
        .fillColor(INK)
        .text(b.text, MARGIN, doc.y, { width, lineGap: 2 })
      doc.moveDown(0.5)
      return
    case 'list':
      doc.font('regular').fontSize(9.5).fillColor(INK)
      for (const item of b.items) {
        ensure(doc, doc.heightOfString(item, { width: width - 12 }))
        doc.text(`•  ${item}`, MARGIN, doc.y, { width, indent: 0, lineGap: 1.5 })
      }
      doc.moveDown(0.5)
      return
    case 'table':
      table(doc, b)
      return
    case 'bars':
      bars(doc, b)
      return
    case 'small':
      doc
        .font('regular')
        .fontSize(8)
        .fillColor(MUTED)
        .text(b.text, MARGIN, doc.y, { width, lineGap: 1 })
      doc.moveDown(0.5)
  }
}

/**
 * The PDF of a brief: A4, a title block, the blocks in order, and on every page a foot line with
 * the brief's mark (whose it is and when it was made) and the page number.
 * @param createdAt pins the PDF's creation date (reproducible files in tests).
 */
export function renderBriefPdf(brief: BriefDoc, createdAt: Date): Promise<Buffer> {
  const { regular, bold } = fontFiles()
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: brief.lang === 'ko' ? 'ko-KR' : 'en-GB',
    info: {
      Title: brief.title,
      Subject: brief.subtitle,
      Creator: 'SMA Desk',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => {
      resolve(Buffer.concat(chunks))
    })
    doc.on('error', reject)
  })
  doc.registerFont('regular', regular)
  doc.registerFont('bold', bold)
  doc
    .font('bold')
    .fontSize(17)
    .fillColor(INK)
    .text(brief.title, MARGIN, MARGIN, { width: contentWidth(doc) })
  doc
    .moveDown(0.2)
    .font('regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text(brief.subtitle, { width: contentWidth(doc) })
  doc.moveDown(0.4)
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(doc.page.width - MARGIN, doc.y)
    .lineWidth(1)
    .strokeColor(INK)
    .stroke()
  doc.moveDown(0.6)
  for (const b of brief.blocks) block(doc, b)
  const range = doc.bufferedPageRange()
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i)
    const y = doc.page.height - MARGIN + 8
    doc.page.margins.bottom = 0
    doc.font('regular').fontSize(7.5).fillColor(MUTED)
    doc.text(brief.mark, MARGIN, y, { width: contentWidth(doc) - 50, lineBreak: false })
    doc.text(`${i + 1} / ${range.count}`, doc.page.width - MARGIN - 50, y, {
      width: 50,
      align: 'right',
      lineBreak: false,
    })
    doc.page.margins.bottom = MARGIN
  }
  doc.end()
  return done
}
