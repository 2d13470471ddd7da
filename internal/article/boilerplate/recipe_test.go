package boilerplate

import (
	"slices"
	"testing"
)

// recipeStory is a recipe post's story, before its card.
var recipeStory = []string{
	"Skip to content", "Home", "Recipes", "Breakfast", "Desserts", "About",
	"Lemon Ricotta Pancakes",
	"Fluffy and bright with lemon zest, these ricotta pancakes are what we make on slow Sunday mornings when nobody is in a hurry to be anywhere at all.",
	"The secret is to fold the whipped egg whites into the batter at the very end, and to leave the batter alone once they are in: a few streaks of white are fine.",
	"If you have never cooked with ricotta before, buy whole-milk ricotta and drain it for ten minutes in a sieve so the pancakes do not turn out soggy.",
}

// recipeCard is the card under the story: name, rating and times, the
// two labels and their lists.
var recipeCard = []string{
	"Lemon Ricotta Pancakes", "5 from 12 votes", "Prep Time 10 mins", "Cook Time 20 mins", "Servings 4",
	"Ingredients", "1 cup ricotta", "2 eggs, separated", "3 tbsp sugar", "1 cup flour", "1 lemon, zested",
	"Instructions",
	"Whisk the ricotta, egg yolks, sugar and lemon zest together until smooth, then stir in the flour.",
	"Beat the egg whites to soft peaks and fold them into the batter in two goes.",
	"Cook in a buttered pan over medium heat, about two minutes a side, until golden.",
}

var recipeFooter = []string{"Leave a Reply", "Your email address will not be published.", "Privacy Policy", "© 2024 Sunday Pancakes"}

// A recipe card under the story belongs to the article: its ingredient
// lines score as a menu's entries do, and without recipeAfter the run
// stopped at the story's last paragraph.
func TestClassifyKeepsRecipeCard(t *testing.T) {
	for _, tc := range []struct {
		name string
		card []string
	}{
		{"English", recipeCard},
		{"German, labels with colons", []string{
			"Zitronen-Ricotta-Pfannkuchen", "Arbeitszeit: 30 Min.", "Portionen: 4",
			"Zutaten:", "250 g Ricotta", "2 Eier, getrennt", "3 EL Zucker", "120 g Mehl", "1 Bio-Zitrone",
			"Zubereitung:",
			"Ricotta, Eigelb, Zucker und Zitronenschale glatt rühren, dann das Mehl unterrühren.",
			"Das Eiweiß steif schlagen und in zwei Portionen unter den Teig heben.",
			"In einer gebutterten Pfanne bei mittlerer Hitze von jeder Seite etwa zwei Minuten goldbraun backen.",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := slices.Concat(recipeStory, tc.card, recipeFooter)
			res := Classify(lines)
			cardEnd := len(recipeStory) + len(tc.card)
			if res.End != cardEnd {
				t.Fatalf("run ends at %d, want %d (the card's last step)", res.End, cardEnd)
			}
			for i := len(recipeStory) + slices.IndexFunc(tc.card, func(l string) bool { return isLabel(l, ingredientLabels) }); i < cardEnd; i++ {
				if res.Kinds[i] != "" {
					t.Errorf("card line %d %q dropped as %q", i, lines[i], res.Kinds[i])
				}
			}
		})
	}
}

// What only looks like a card stays out: a label with no amount under
// it (a product's ingredients, named one a line), lists with no method's
// label, a method with a single step, and a card under a comment
// section's heading, which is a commenter's.
func TestRecipeCardNeedsItsParts(t *testing.T) {
	for _, tc := range []struct {
		name string
		card []string
	}{
		{"no amounts", []string{"Ingredients", "Water", "Sugar", "Citric acid", "Instructions", "Shake well before you open the bottle and serve it cold.", "Keep it in the fridge once it is open and drink it within three days."}},
		{"no method label", []string{"Ingredients", "1 cup ricotta", "2 eggs", "3 tbsp sugar", "More recipes", "Blueberry Muffins", "Banana Bread"}},
		{"one step", []string{"Ingredients", "1 cup ricotta", "2 eggs", "3 tbsp sugar", "Instructions", "Mix everything and cook it in a buttered pan until golden on both sides.", "Notes"}},
		{"under a comment heading", []string{"Comments", "Ingredients", "1 cup ricotta", "2 eggs", "Instructions", "I mixed everything and cooked it in a buttered pan until golden.", "Then I ate them all with maple syrup and a little lemon juice on top."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := slices.Concat(recipeStory, tc.card, recipeFooter)
			if res := Classify(lines); res.End != len(recipeStory) {
				t.Errorf("run ends at %d, want %d (the story's end)", res.End, len(recipeStory))
			}
		})
	}
}
