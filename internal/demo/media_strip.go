package demo

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"
	"sync"
)

// Strip geometry: 6 seconds at 100 px/s (25 mm/s paper, 4 px per mm),
// 10 mm (40 px) per millivolt.
const (
	stripSeconds = 6
	pxPerSecond  = 100
	pxPerMV      = 40
	stripHeight  = 160
)

var stripPalette = color.Palette{
	color.RGBA{255, 244, 244, 255}, // paper
	color.RGBA{248, 205, 205, 255}, // 1 mm grid
	color.RGBA{236, 150, 150, 255}, // 5 mm grid
	color.RGBA{20, 20, 20, 255},    // trace
}

// rhythmStrip draws a lead II rhythm strip at rate beats a minute: P, QRS
// and T waves at nearly regular intervals, or for atrial fibrillation no
// P waves, a wavering baseline and irregular intervals.
func rhythmStrip(r *rand.Rand, rate int, af bool) ([]byte, error) {
	img := image.NewPaletted(image.Rect(0, 0, stripSeconds*pxPerSecond, stripHeight), stripPalette)
	copy(img.Pix, stripPaper().Pix)
	var beats []float64
	rr := 60 / float64(rate)
	for t := 0.2 + r.Float64()*rr; t < stripSeconds+0.5; {
		beats = append(beats, t)
		jitter := 0.04 * (r.Float64() - 0.5)
		if af {
			jitter = 0.8 * (r.Float64() - 0.5)
		}
		t += rr * (1 + jitter)
	}
	phase := r.Float64() * 2 * math.Pi
	mv := func(t float64) float64 {
		v := 0.0
		if af {
			v += 0.05 * math.Sin(2*math.Pi*6*t+phase)
		}
		for _, b := range beats {
			if !af {
				v += wave(t, b-0.16, 0.15, 0.025)
			}
			v += wave(t, b-0.03, -0.1, 0.008) + wave(t, b, 1.1, 0.01) + wave(t, b+0.03, -0.25, 0.01) + wave(t, b+0.28, 0.3, 0.045)
		}
		return v
	}
	base := float64(stripHeight) * 0.65
	prev := int(base - mv(0)*pxPerMV)
	for x := 0; x < stripSeconds*pxPerSecond; x++ {
		y := int(base - mv(float64(x)/pxPerSecond)*pxPerMV)
		for lo, hi := min(prev, y), max(prev, y); lo <= hi; lo++ {
			img.SetColorIndex(x, max(0, min(stripHeight-1, lo)), 3)
		}
		prev = y
	}
	var buf bytes.Buffer
	err := stripEncoder.Encode(&buf, img)
	return buf.Bytes(), err
}

// stripPaper is the empty ECG paper every strip is drawn on: 1 mm and
// 5 mm grid lines.
var stripPaper = sync.OnceValue(func() *image.Paletted {
	img := image.NewPaletted(image.Rect(0, 0, stripSeconds*pxPerSecond, stripHeight), stripPalette)
	for y := 0; y < stripHeight; y++ {
		for x := 0; x < stripSeconds*pxPerSecond; x++ {
			switch {
			case x%20 == 0 || y%20 == 0:
				img.SetColorIndex(x, y, 2)
			case x%4 == 0 || y%4 == 0:
				img.SetColorIndex(x, y, 1)
			}
		}
	}
	return img
})

// stripEncoder favours speed and reuses its compressor: the demo writes
// thousands of strips.
var stripEncoder = &png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &encoderPool{}}

type encoderPool struct{ p sync.Pool }

func (e *encoderPool) Get() *png.EncoderBuffer {
	b, _ := e.p.Get().(*png.EncoderBuffer)
	return b
}

func (e *encoderPool) Put(b *png.EncoderBuffer) { e.p.Put(b) }

// wave is a Gaussian deflection of amplitude mv centred on at.
func wave(t, at, mv, width float64) float64 {
	d := (t - at) / width
	return mv * math.Exp(-d*d/2)
}
