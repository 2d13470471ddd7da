package article

import (
	"testing"
	"time"
)

// TestPersianNewsPage: an Iranian news page puts an over-title that ends
// with a colon above its headline and dates the story in the Solar Hijri
// calendar under it. The headline is the line below the over-title, and
// the date is the Gregorian day it names.
func TestPersianNewsPage(t *testing.T) {
	page := scrapedPage(
		[]string{"صفحه اصلی", "اقتصادی", "سیاسی", "ورزشی", "فرهنگی"},
		[]string{"اقتصادی :: آب و انرژی", "وزیر نیرو اعلام کرد:", "ساخت سه سد تازه در استان فارس آغاز شد", "5 مهر 1401 - 09:30"},
		[]string{
			"خبرگزاری نمونه - وزیر نیرو اعلام کرد که کار سه طرح آبی تازه در جنوب کشور از این هفته شروع می‌شود و هزینه آن از بودجه عمرانی سال جاری پرداخت خواهد شد.",
			"او افزود که این طرح‌ها در چهار سال آینده به پایان می‌رسند و آب بیش از دویست هزار نفر را در روستاهای اطراف تامین می‌کنند.",
			"کارشناسان محیط زیست اما نسبت به اثر این سدها بر رودخانه‌ها و تالاب‌های پایین‌دست هشدار داده‌اند و خواستار بررسی دوباره طرح‌ها شده‌اند.",
		},
		[]string{"تماس با ما", "درباره ما", "© 1401 خبرگزاری نمونه"},
	)
	a := parseWithTitle(t, page, "ساخت سه سد تازه در استان فارس آغاز شد")
	want := time.Date(2022, 9, 27, 9, 30, 0, 0, time.UTC)
	if a.Published == nil || !a.Published.Equal(want) {
		t.Errorf("published %v, want %v", a.Published, want)
	}
}

// TestWriterTitleEndingWithColon: the first line of a writer's own file
// is its title even when it ends with a colon, which makes a line of a
// scraped page a lead-in and no headline.
func TestWriterTitleEndingWithColon(t *testing.T) {
	page := "Things I learned this week:\n\n" +
		"The river path floods after two days of rain, so take the upper road when the forecast is wet.\n\n" +
		"The library now opens on Sundays from noon until five, which makes the long winter weekends easier.\n"
	parseWithTitle(t, page, "Things I learned this week:")
}
