package com.example.movies.movie;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @Test
    void slugifiesLikeDjango() {
        assertThat(Slugs.slugify("The Prestige!")).isEqualTo("the-prestige");
        assertThat(Slugs.slugify("Amélie: Le Fabuleux Destin  d'Amélie Poulain"))
            .isEqualTo("amelie-le-fabuleux-destin-damelie-poulain");
        assertThat(Slugs.slugify("  --Hello_World--  ")).isEqualTo("hello_world");
        assertThat(Slugs.slugify("Crème Brûlée & Co.")).isEqualTo("creme-brulee-co");
        assertThat(Slugs.slugify("Ｆｕｌｌｗｉｄｔｈ")).isEqualTo("fullwidth");
        assertThat(Slugs.slugify("a - b -- c")).isEqualTo("a-b-c");
    }

    @Test
    void titlesWithNothingToSlugFallBack() {
        assertThat(Slugs.slugify("千と千尋の神隠し")).isEqualTo("movie");
        assertThat(Slugs.slugify("🎬🍿")).isEqualTo("movie");
        assertThat(Slugs.slugify("!!!")).isEqualTo("movie");
    }

    @Test
    void cutsToFiftyCharactersWithoutATrailingDash() {
        String slug = Slugs.slugify("word ".repeat(20));
        assertThat(slug).hasSizeLessThanOrEqualTo(50).doesNotEndWith("-").startsWith("word-word");
        assertThat(Slugs.slugify("x".repeat(80))).hasSize(50);
    }

    @Test
    void duplicatesGetNumberedSuffixesThatStillFit() {
        String base = Slugs.slugify("x".repeat(80));
        assertThat(Slugs.candidate(base, 1)).isEqualTo(base);
        assertThat(Slugs.candidate(base, 2)).hasSize(50).endsWith("x-2");
        assertThat(Slugs.candidate(base, 123)).hasSize(50).endsWith("x-123");
        assertThat(Slugs.candidate("the-prestige", 3)).isEqualTo("the-prestige-3");
        for (int n = 1; n < 1000; n += 37) {
            assertThat(Slugs.candidate(base, n)).startsWith(Slugs.commonPrefix(base));
        }
    }

}
