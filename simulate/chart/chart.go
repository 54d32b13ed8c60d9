// Package chart draws the results of a simulation as PNG pictures for the
// desktop app and the PDF report: a channel's funnel, cost against
// customers per channel, the customers timeline against the objectives,
// break-even, the monthly cost stacked by channel, scenarios side by side,
// a Monte Carlo histogram and a sensitivity tornado.
//
// Every function returns the bytes of a PNG of exactly Options.Width ×
// Options.Height pixels. Pictures are drawn with go-chart's raster drawing
// layer (github.com/wcharczuk/go-chart/v2/drawing) and the embedded DejaVu
// Sans font (assets.FontRegular, assets.FontBold), which has "€", the
// French accents and U+202F, the narrow no-break space of French number
// formats. Numbers are written by package display, so an axis reads
// "1 200 €" and "22 %" in French, "€1,200" and "22%" in English; titles and
// legends are in Options.Lang. Channels keep one colour by their index in
// the plan (the Okabe–Ito palette, readable by colour-blind people) in
// every chart.
//
// Empty or degenerate results (no channel, one month, every value zero,
// undefined figures) give a chart that says so, never a panic; an error
// is returned only for impossible requests (a size below MinSize or above
// MaxSize, an unknown figure).
//
// The functions are safe for concurrent use. They take a few milliseconds
// at 800 × 450: render once per result change, not per frame.
//
// The package never imports fyne.io.
package chart

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"campaignsim/assets"
	"campaignsim/plan"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2/drawing"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Theme is the colour scheme of a chart.
type Theme int

// The themes: Light draws dark text on a white background (print, light
// desktop theme); Dark draws light text and grid on a dark background.
const (
	Light Theme = iota
	Dark
)

// Options say how to draw a chart.
type Options struct {
	Width, Height int           // pixels of the PNG, each in MinSize..MaxSize
	Lang          plan.Language // language of titles, legends and numbers; French unless plan.LangEN
	Currency      string        // ISO 4217 code for money axes; "" means EUR
	Theme         Theme
	Scale         float64 // 1 for screen; 2–3 for print (fonts and lines scale with it); 0 means 1
	// Names optionally maps channel ids to channel names, for Tornado,
	// whose result carries only ids (e.g. from plan.Plan.Channels); an id
	// missing here is shown made readable ("facebook-familles" reads
	// "Facebook familles"). The other charts take names from their result.
	Names map[string]string
}

// MinSize and MaxSize bound Options.Width and Options.Height, in pixels.
const (
	MinSize = 16
	MaxSize = 10000
)

// ErrSize is returned (wrapped) when Options.Width or Options.Height is
// outside MinSize..MaxSize.
var ErrSize = errors.New("chart: size out of range")

// fonts are the parsed DejaVu Sans faces, loaded once.
var fonts struct {
	once          sync.Once
	regular, bold *truetype.Font
	err           error
}

func loadFonts() error {
	fonts.once.Do(func() {
		fonts.regular, fonts.err = truetype.Parse(assets.FontRegular)
		if fonts.err != nil {
			fonts.err = fmt.Errorf("chart: DejaVu Sans: %w", fonts.err)
			return
		}
		fonts.bold, fonts.err = truetype.Parse(assets.FontBold)
		if fonts.err != nil {
			fonts.err = fmt.Errorf("chart: DejaVu Sans Bold: %w", fonts.err)
		}
	})
	return fonts.err
}

// palette holds the colours of one theme.
type palette struct {
	bg, text, muted, grid, axis color.NRGBA
	accent, accent2, good, bad  color.NRGBA
}

func hex(v uint32) color.NRGBA {
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

var (
	lightPalette = palette{
		bg: hex(0xffffff), text: hex(0x1f2328), muted: hex(0x59636e), grid: hex(0xe3e6ea), axis: hex(0x8c959f),
		accent: hex(0x0072b2), accent2: hex(0xe69f00), good: hex(0x009e73), bad: hex(0xd55e00),
	}
	darkPalette = palette{
		bg: hex(0x1e1f22), text: hex(0xe8eaed), muted: hex(0xaab1b9), grid: hex(0x3a3d42), axis: hex(0x70777f),
		accent: hex(0x56b4e9), accent2: hex(0xe69f00), good: hex(0x2fc49a), bad: hex(0xf07a2a),
	}
)

// okabeIto is the Okabe–Ito palette (Okabe and Ito, 2008), ordered so the
// first channels get the most distinct colours; black is replaced by a
// grey that shows on both backgrounds.
var okabeIto = []uint32{0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0x56b4e9, 0xd55e00, 0xf0e442, 0x999999}

// ChannelColor returns the colour of the channel at index i (0-based, in
// plan order) in every chart: the Okabe–Ito palette, cycled after 8
// channels. In Dark the dark blue is lightened so it stays visible.
// A negative index gives the first colour.
func ChannelColor(i int, t Theme) color.NRGBA {
	if i < 0 {
		i = 0
	}
	c := hex(okabeIto[i%len(okabeIto)])
	if t == Dark && c == hex(0x0072b2) {
		c = hex(0x3b8fd1)
	}
	return c
}

// canvas is one picture being drawn: an RGBA image, go-chart's raster
// graphic context over it, the options and the theme's colours. Lengths
// given to its methods are in points: multiplied by the scale.
type canvas struct {
	img  *image.RGBA
	gc   *drawing.RasterGraphicContext
	w, h float64
	s    float64
	pal  palette
	o    Options
	// faces are the text faces in use, taken from facePools; png gives
	// them back.
	faces map[faceKey]xfont.Face
}

// newCanvas checks o and returns a canvas filled with the background.
func newCanvas(o Options) (*canvas, error) {
	if o.Width < MinSize || o.Height < MinSize || o.Width > MaxSize || o.Height > MaxSize {
		return nil, fmt.Errorf("%w: %d×%d pixels (each side must be %d..%d)", ErrSize, o.Width, o.Height, MinSize, MaxSize)
	}
	if err := loadFonts(); err != nil {
		return nil, err
	}
	if !(o.Scale > 0) || math.IsInf(o.Scale, 0) {
		o.Scale = 1
	}
	o.Scale = min(o.Scale, 10)
	img := image.NewRGBA(image.Rect(0, 0, o.Width, o.Height))
	gc, err := drawing.NewRasterGraphicContext(img)
	if err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	// The graphic context's font scale is size × DPI in 26.6 units per
	// em: a DPI of 64 makes a font size a size in pixels.
	gc.SetDPI(64)
	gc.SetLineCap(drawing.ButtCap)
	c := &canvas{img: img, gc: gc, w: float64(o.Width), h: float64(o.Height), s: o.Scale, o: o, pal: lightPalette}
	if o.Theme == Dark {
		c.pal = darkPalette
	}
	draw.Draw(img, img.Bounds(), image.NewUniform(c.pal.bg), image.Point{}, draw.Src)
	return c, nil
}

// png encodes the picture and gives the canvas's faces back.
func (c *canvas) png() ([]byte, error) {
	c.release()
	b, err := encodePNG(c.img)
	if err != nil {
		return nil, fmt.Errorf("chart: encode PNG: %w", err)
	}
	return b, nil
}

// pt converts points to pixels.
func (c *canvas) pt(v float64) float64 { return v * c.s }

// rect fills the rectangle between (x0, y0) and (x1, y1), in pixels,
// snapped to whole pixels (crisp bar edges), blending col over the picture.
func (c *canvas) rect(x0, y0, x1, y1 float64, col color.NRGBA) {
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	if y0 > y1 {
		y0, y1 = y1, y0
	}
	r := image.Rect(int(math.Round(x0)), int(math.Round(y0)), int(math.Round(x1)), int(math.Round(y1)))
	if r.Dx() == 0 && x1 > x0 {
		r.Max.X = r.Min.X + 1
	}
	if r.Dy() == 0 && y1 > y0 {
		r.Max.Y = r.Min.Y + 1
	}
	r = r.Intersect(c.img.Bounds())
	if r.Empty() {
		return
	}
	op := draw.Over
	if col.A == 0xff {
		op = draw.Src
	}
	draw.Draw(c.img, r, image.NewUniform(col), image.Point{}, op)
}

// hline draws a horizontal line of width w points from x0 to x1 at y.
func (c *canvas) hline(x0, x1, y, w float64, col color.NRGBA) {
	t := max(1, math.Round(c.pt(w)))
	y0 := math.Round(y - t/2)
	c.rect(x0, y0, x1, y0+t, col)
}

// vline draws a vertical line of width w points from y0 to y1 at x.
func (c *canvas) vline(x, y0, y1, w float64, col color.NRGBA) {
	t := max(1, math.Round(c.pt(w)))
	x0 := math.Round(x - t/2)
	c.rect(x0, y0, x0+t, y1, col)
}

// dashedV draws a dashed vertical line (dash and gap in points).
func (c *canvas) dashedV(x, y0, y1, w float64, col color.NRGBA) {
	if y0 > y1 {
		y0, y1 = y1, y0
	}
	d, g := c.pt(5), c.pt(3)
	for y := y0; y < y1; y += d + g {
		c.vline(x, y, min(y+d, y1), w, col)
	}
}

// dashedH draws a dashed horizontal line.
func (c *canvas) dashedH(x0, x1, y, w float64, col color.NRGBA) {
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	d, g := c.pt(6), c.pt(4)
	for x := x0; x < x1; x += d + g {
		c.hline(x, min(x+d, x1), y, w, col)
	}
}

// polyline strokes the path through xs, ys (pixels), anti-aliased.
func (c *canvas) polyline(xs, ys []float64, w float64, col color.NRGBA) {
	if len(xs) < 2 {
		return
	}
	c.gc.SetStrokeColor(col)
	c.gc.SetLineWidth(c.pt(w))
	c.gc.SetLineDash(nil, 0)
	c.gc.SetLineJoin(drawing.RoundJoin)
	c.gc.MoveTo(xs[0], ys[0])
	for i := 1; i < len(xs) && i < len(ys); i++ {
		c.gc.LineTo(xs[i], ys[i])
	}
	c.gc.Stroke()
}

// dot fills a circle of radius r points at (x, y), with a ring of the
// background colour so it stands out from the lines under it.
func (c *canvas) dot(x, y, r float64, col color.NRGBA) {
	c.gc.SetFillColor(col)
	c.gc.SetStrokeColor(c.pal.bg)
	c.gc.SetLineWidth(c.pt(1.2))
	c.gc.SetLineDash(nil, 0)
	c.gc.MoveTo(x+c.pt(r), y)
	c.gc.ArcTo(x, y, c.pt(r), c.pt(r), 0, 2*math.Pi)
	c.gc.Close()
	c.gc.FillStroke()
}

// diamond fills a diamond of half-width r points at (x, y).
func (c *canvas) diamond(x, y, r float64, col color.NRGBA) {
	r = c.pt(r)
	c.gc.SetFillColor(col)
	c.gc.SetStrokeColor(c.pal.bg)
	c.gc.SetLineWidth(c.pt(1.2))
	c.gc.SetLineDash(nil, 0)
	c.gc.MoveTo(x, y-r)
	c.gc.LineTo(x+r, y)
	c.gc.LineTo(x, y+r)
	c.gc.LineTo(x-r, y)
	c.gc.Close()
	c.gc.FillStroke()
}

// Text sizes, in points.
const (
	sizeTitle  = 15
	sizeLabel  = 11.5
	sizeTick   = 10.5
	sizeSmall  = 10
	sizeLegend = 11
)

// font returns the TrueType font for bold or regular text.
func font(bold bool) *truetype.Font {
	if bold {
		return fonts.bold
	}
	return fonts.regular
}

// faceKey names a face: a pixel size (in quarter pixels) and a weight.
type faceKey struct {
	quarterPx int
	bold      bool
}

// facePools holds, per faceKey, a sync.Pool of truetype faces. A face
// caches its rendered glyphs, which makes text much faster than drawing
// glyph outlines each time, but it is not safe for concurrent use: each
// canvas takes its own faces from the pools and gives them back when done.
var facePools sync.Map

// face returns the canvas's face for text of size points.
func (c *canvas) face(size float64, bold bool) xfont.Face {
	k := faceKey{max(1, int(math.Round(c.pt(size)*4))), bold}
	if f, ok := c.faces[k]; ok {
		return f
	}
	pool, ok := facePools.Load(k)
	if !ok {
		pool, _ = facePools.LoadOrStore(k, &sync.Pool{New: func() any {
			return truetype.NewFace(font(k.bold), &truetype.Options{Size: float64(k.quarterPx) / 4, DPI: 72, Hinting: xfont.HintingNone})
		}})
	}
	f := pool.(*sync.Pool).Get().(xfont.Face)
	if c.faces == nil {
		c.faces = map[faceKey]xfont.Face{}
	}
	c.faces[k] = f
	return f
}

// release gives the canvas's faces back to their pools.
func (c *canvas) release() {
	for k, f := range c.faces {
		if pool, ok := facePools.Load(k); ok {
			pool.(*sync.Pool).Put(f)
		}
	}
	c.faces = nil
}

// measure returns the width in pixels of s at size points: the sum of
// the glyphs' advances and kerning, read from the font's tables (much
// faster than a face's GlyphAdvance, which loads each glyph's outline),
// as text draws s: through PrintableLine.
func (c *canvas) measure(s string, size float64, bold bool) float64 {
	s = PrintableLine(s)
	f := font(bold)
	scale := fixed.Int26_6(max(1, math.Round(c.pt(size)*4)) * 16) // as face: quarter pixels
	var w fixed.Int26_6
	prev, hasPrev := truetype.Index(0), false
	for _, r := range s {
		i := f.Index(r)
		if hasPrev {
			w += f.Kern(scale, prev, i)
		}
		w += f.HMetric(scale, i).AdvanceWidth
		prev, hasPrev = i, true
	}
	return float64(w) / 64
}

// lineH is the height of a line of text at size points, in pixels.
func (c *canvas) lineH(size float64) float64 { return c.pt(size) * 1.25 }

// Text alignment.
type align int

const (
	left align = iota
	center
	right
)

// text draws s with its baseline at y, aligned on x. Characters the font
// lacks are drawn as Substitute (PrintableLine), never as the font's
// empty box.
func (c *canvas) text(s string, x, y, size float64, bold bool, col color.NRGBA, a align) {
	if s == "" {
		return
	}
	s = PrintableLine(s)
	f := c.face(size, bold)
	switch a {
	case center:
		x -= c.measure(s, size, bold) / 2
	case right:
		x -= c.measure(s, size, bold)
	}
	d := xfont.Drawer{Dst: c.img, Src: image.NewUniform(col), Face: f,
		Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(y) * 64)}}
	d.DrawString(s)
}

// textBox draws s like text over a box of the background colour, so it
// stays readable over lines and bars.
func (c *canvas) textBox(s string, x, y, size float64, bold bool, col color.NRGBA, a align) {
	w := c.measure(s, size, bold)
	x0 := x
	switch a {
	case center:
		x0 -= w / 2
	case right:
		x0 -= w
	}
	pad := c.pt(3)
	c.rect(x0-pad, y-c.pt(size)*0.95, x0+w+pad, y+c.pt(size)*0.3, withAlpha(c.pal.bg, 0xe0))
	c.text(s, x, y, size, bold, col, a)
}

// textMid draws s vertically centred on y (cap height centred).
func (c *canvas) textMid(s string, x, y, size float64, bold bool, col color.NRGBA, a align) {
	c.text(s, x, y+c.pt(size)*0.36, size, bold, col, a)
}

// fit shortens s with "…" so it is at most maxW pixels wide.
func (c *canvas) fit(s string, size float64, bold bool, maxW float64) string {
	if c.measure(s, size, bold) <= maxW {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs) // the longest prefix that fits
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if c.measure(string(rs[:mid])+"…", size, bold) <= maxW {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return trimSpaceRight(string(rs[:lo])) + "…"
}

func trimSpaceRight(s string) string {
	rs := []rune(s)
	for len(rs) > 0 && (rs[len(rs)-1] == ' ' || rs[len(rs)-1] == '(' || rs[len(rs)-1] == ',') {
		rs = rs[:len(rs)-1]
	}
	return string(rs)
}

// wrap breaks s into at most lines lines of at most maxW pixels, at
// spaces; the last line is shortened with "…" when s does not fit.
func (c *canvas) wrap(s string, size float64, bold bool, maxW float64, lines int) []string {
	if lines <= 1 || c.measure(s, size, bold) <= maxW {
		return []string{c.fit(s, size, bold, maxW)}
	}
	words := splitWords(s)
	var out []string
	cur := ""
	for i, w := range words {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if c.measure(try, size, bold) <= maxW || cur == "" {
			cur = try
			continue
		}
		out = append(out, cur)
		cur = w
		if len(out) == lines-1 {
			rest := cur
			for _, x := range words[i+1:] {
				rest += " " + x
			}
			cur = rest
			break
		}
	}
	out = append(out, cur)
	for i := range out {
		out[i] = c.fit(out[i], size, bold, maxW)
	}
	return out
}

func splitWords(s string) []string {
	var out []string
	cur := []rune{}
	for _, r := range s {
		if r == ' ' {
			if len(cur) > 0 {
				out = append(out, string(cur))
				cur = cur[:0]
			}
			continue
		}
		cur = append(cur, r)
	}
	if len(cur) > 0 {
		out = append(out, string(cur))
	}
	return out
}

// frame is the layout shared by the charts: the title at the top, an
// optional legend under it, and the plot area left for the chart.
type frame struct {
	top float64 // first free y under the title and legend
}

// title draws the chart's title (and subtitle when not empty) and
// returns the y under them.
func (c *canvas) title(t, sub string) float64 {
	m := c.pt(12)
	y := m + c.pt(sizeTitle)
	c.text(c.fit(t, sizeTitle, true, c.w-2*m), m, y, sizeTitle, true, c.pal.text, left)
	y += c.pt(6)
	if sub != "" {
		y += c.pt(sizeSmall)
		c.text(c.fit(sub, sizeSmall, false, c.w-2*m), m, y, sizeSmall, false, c.pal.muted, left)
		y += c.pt(6)
	}
	return y
}

// message draws a centred notice in the free area (no data, and so on).
func (c *canvas) message(msg string, top float64) {
	y := top + (c.h-top)/2
	lines := c.wrap(msg, sizeLabel, false, c.w-c.pt(24), 3)
	y -= float64(len(lines)-1) * c.lineH(sizeLabel) / 2
	for _, l := range lines {
		c.textMid(l, c.w/2, y, sizeLabel, false, c.pal.muted, center)
		y += c.lineH(sizeLabel)
	}
}

// legendItem is one entry of a legend: a swatch and its label.
type legendItem struct {
	label  string
	col    color.NRGBA
	line   bool // a line swatch rather than a box
	dashed bool
}

// legend lays the items out in rows from x0 to x1 starting at y (top of
// the first row), each label shortened to fit, and returns the y under
// the legend. With draw false it only measures.
func (c *canvas) legend(items []legendItem, x0, x1, y float64, drawIt bool) float64 {
	if len(items) == 0 {
		return y
	}
	sw, gap, pad := c.pt(12), c.pt(5), c.pt(14)
	rowH := c.lineH(sizeLegend) + c.pt(2)
	maxLabel := max(c.pt(40), min((x1-x0)/2, c.pt(260))-sw-gap)
	x := x0
	for _, it := range items {
		label := c.fit(it.label, sizeLegend, false, maxLabel)
		w := sw + gap + c.measure(label, sizeLegend, false)
		if x > x0 && x+w > x1 {
			x = x0
			y += rowH
		}
		if drawIt {
			mid := y + rowH/2
			switch {
			case it.line && it.dashed:
				c.dashedH(x, x+sw, mid, 2, it.col)
			case it.line:
				c.hline(x, x+sw, mid, 2.5, it.col)
			default:
				c.rect(x, mid-sw/2+c.pt(1), x+sw, mid+sw/2-c.pt(1), it.col)
			}
			c.textMid(label, x+sw+gap, mid, sizeLegend, false, c.pal.text, left)
		}
		x += w + pad
	}
	return y + rowH
}
