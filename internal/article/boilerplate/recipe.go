package boilerplate

import (
	"strings"
	"unicode/utf8"
)

// A recipe post tells its story first and prints the recipe in a card
// under it: the dish's name again, its times and servings, a label
// ("Ingredients") over one measured amount a line, another
// ("Instructions") over the steps. Ingredient lines are short, few of
// their words are function words, and they score as a menu's entries do,
// so the article's run stops where the card starts. The card is what the
// post is for: recipeAfter carries the run over it.
const (
	// maxCardLead is how many lines the card's name, times, servings
	// and buttons take at most before the ingredients' label.
	maxCardLead = 25
	// maxIngredients bounds the list between the two labels.
	maxIngredients = 80
	// maxIngredientRunes is the longest an ingredient line is: longer
	// lines are prose, and no list of ingredients.
	maxIngredientRunes       = 150
	minIngredients, minSteps = 2, 2
)

// ingredientLabels and methodLabels head a recipe's two lists, in the
// languages of the stop-word lists; a label matches in any case, with or
// without a closing colon.
var (
	ingredientLabels = []string{
		"ingredients", "zutaten", "ingrédients", "ingredientes", "ingredienti", "ingrediënten",
		"ingredienser", "składniki", "ингредиенты", "malzemeler", "ainekset", "hozzávalók",
	}
	methodLabels = []string{
		"instructions", "directions", "method", "preparation", "steps", "zubereitung", "anleitung",
		"préparation", "preparación", "elaboración", "modo de preparo", "preparo", "preparazione",
		"procedimento", "bereiding", "bereidingswijze", "tillagning", "przygotowanie",
		"приготовление", "hazırlanışı", "valmistus", "elkészítés",
	}
)

// isLabel reports whether line s is one of labels (lower-case) alone on
// its line, in any case, maybe with a comma or a colon after it: a
// recipe's "Ingredients:", a picture's hidden "Image caption,". Lines are
// compared without lowercasing them: labels are looked for on every page,
// and most lines are long and rejected by their length.
func isLabel(s string, labels []string) bool {
	if len(s) > maxLabelBytes {
		return false
	}
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ",:"))
	for _, l := range labels {
		if strings.EqualFold(s, l) {
			return true
		}
	}
	return false
}

// maxLabelBytes is longer than any label of isLabel's lists with a space
// and a colon after it.
const maxLabelBytes = 48

// recipeAfter returns one past the steps of the recipe card that starts
// within maxCardLead lines of end, or end when none does.
func (p *page) recipeAfter(end int) int {
	i := end
	for ; i < len(p.lines) && i < end+maxCardLead; i++ {
		if p.wall(i) {
			return end
		}
		if isLabel(p.lines[i], ingredientLabels) {
			break
		}
	}
	if i >= len(p.lines) || i >= end+maxCardLead {
		return end
	}
	method, ok := p.ingredientsUnder(i)
	if !ok {
		return end
	}
	k, steps := method+1, 0
	for ; k < len(p.lines); k++ {
		f := p.feats[k]
		if p.wall(k) || f.kind != kindNone || f.teaser {
			break
		}
		if f.numeric {
			continue // a step's number on its own line
		}
		if f.words < 3 {
			break // "Notes", "Nutrition": the card's footer
		}
		steps++
	}
	if steps < minSteps {
		return end
	}
	return k
}

// ingredientsUnder reads the list under the ingredients' label at line i
// and returns the method's label that ends it, and false when the lines
// are no list of ingredients: too few, too long, or none of them an
// amount.
func (p *page) ingredientsUnder(i int) (int, bool) {
	items, amounts := 0, 0
	for j := i + 1; j < len(p.lines) && j <= i+maxIngredients+1; j++ {
		if isLabel(p.lines[j], methodLabels) {
			return j, items >= minIngredients && amounts > 0
		}
		if p.wall(j) || p.feats[j].runes > maxIngredientRunes {
			return 0, false
		}
		items++
		if opensWithAmount(p.lines[j]) {
			amounts++
		}
	}
	return 0, false
}

// opensWithAmount reports a line that starts with a figure or a fraction
// sign ("2 eggs", "½ tsp salt", "1/2 cup").
func opensWithAmount(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return '0' <= r && r <= '9' || r >= '¼' && r <= '¾' || r >= '⅐' && r <= '⅞'
}
