using NegotiationGame.Domain.Negotiation;
using NegotiationGame.Domain.Negotiation.Commands;
using NegotiationGame.Domain.Negotiation.Events;
using NegotiationGame.Domain.Tests.Support;
using static NegotiationGame.Domain.Tests.Support.TestScenarios;

namespace NegotiationGame.Domain.Tests.Negotiation;

public sealed class ScheduledNewsRulesTests
{
    [Fact]
    public void News_scheduled_in_the_lobby_is_published_when_its_round_begins_and_not_before()
    {
        var game = new GameDriver(MiniTalks());
        game.Accept(new ScheduleNews(1, "Talks open", "Delegations arrive in Riyadh."));
        game.Accept(new ScheduleNews(2, "Pipeline damaged", "Gas flows stop overnight."));
        game.Accept(new ScheduleNews(2, "Markets fall", "Stocks drop on the news."));

        var roundOne = game.Accept(new StartNegotiation());

        Assert.Equal([new NegotiationStarted(), new NewsInjected("Talks open", "Delegations arrive in Riyadh.")], roundOne);
        Assert.Equal([new NewsItem(1, "Talks open", "Delegations arrive in Riyadh.")], game.State.News);
        Assert.Equal([2, 2], game.State.ScheduledNews.Select(news => news.Round));

        var roundTwo = game.Accept(new AdvanceRound());

        Assert.Equal(
            [new RoundAdvanced(2), new NewsInjected("Pipeline damaged", "Gas flows stop overnight."), new NewsInjected("Markets fall", "Stocks drop on the news.")],
            roundTwo);
        Assert.Empty(game.State.ScheduledNews);
        Assert.Equal([1, 2, 2], game.State.News.Select(news => news.Round));
    }

    [Fact]
    public void A_deadline_that_begins_the_round_publishes_its_news_before_the_new_deadline_is_set()
    {
        var nine = new DateTimeOffset(2025, 2, 12, 9, 0, 0, TimeSpan.Zero);
        var game = new GameDriver(GameState.Start(MiniTalks(), new GameTiming(TimeSpan.Zero, TimeSpan.FromMinutes(15))));
        game.Accept(new StartNegotiation(nine));
        game.Accept(new ScheduleNews(2, "Ceasefire holds", "A quiet night on the front."));

        var reached = game.Accept(new ReachDeadline(nine.AddMinutes(15)));

        Assert.Equal(
            [new DeadlinePassed(), new RoundAdvanced(2), new NewsInjected("Ceasefire holds", "A quiet night on the front."), new DeadlineSet(nine.AddMinutes(30))],
            reached);
    }

    [Fact]
    public void Cancelled_news_never_comes_out_and_only_waiting_news_can_be_cancelled()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new ScheduleNews(3, "Summit called", "Leaders to meet in Geneva."));

        game.Accept(new CancelScheduledNews(3, "Summit called"));

        game.Refuse(new CancelScheduledNews(3, "Summit called"), RuleViolationCode.ScheduledNewsNotFound);
        game.Accept(new AdvanceRound());
        game.Accept(new AdvanceRound());
        Assert.Empty(game.State.News);
        Assert.Equal(3, game.State.Round);
    }

    [Fact]
    public void News_out_with_its_round_can_no_longer_be_cancelled()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new ScheduleNews(2, "Sanctions eased", "A first package is lifted."));
        game.Accept(new AdvanceRound());

        game.Refuse(new CancelScheduledNews(2, "Sanctions eased"), RuleViolationCode.ScheduledNewsNotFound);
        Assert.Single(game.State.News);
    }

    [Fact]
    public void A_round_that_has_begun_or_does_not_exist_or_a_second_copy_of_a_headline_is_refused()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new ScheduleNews(2, "Oil spikes", "Brent passes $100."));

        game.Refuse(new ScheduleNews(1, "Too late", "Round 1 runs."), RuleViolationCode.InvalidSchedule);
        game.Refuse(new ScheduleNews(0, "Never", "No round 0."), RuleViolationCode.InvalidSchedule);
        game.Refuse(new ScheduleNews(4, "Never", "Mini-talks has three rounds."), RuleViolationCode.InvalidSchedule);
        game.Refuse(new ScheduleNews(2, "Oil spikes", "Again."), RuleViolationCode.InvalidSchedule);
        game.Refuse(new ScheduleNews(3, "Two\nlines", "Bad headline."), RuleViolationCode.InvalidNews);
        game.Accept(new ScheduleNews(3, "Oil spikes", "The same headline in another round is fine."));
    }

    [Fact]
    public void A_game_holds_a_bounded_number_of_headlines_in_waiting_and_none_after_the_end()
    {
        var game = GameDriver.Negotiating();
        for (var i = 0; i < ScheduledNewsRules.MaxWaiting; i++)
        {
            game.Accept(new ScheduleNews(2 + (i % 2), $"Headline {i}", string.Empty));
        }

        game.Refuse(new ScheduleNews(3, "One too many", string.Empty), RuleViolationCode.InvalidSchedule);
        game.Accept(new CancelScheduledNews(2, "Headline 0"));
        game.Accept(new ScheduleNews(3, "One too many", string.Empty));
        game.Accept(new EndGame());
        game.Refuse(new ScheduleNews(3, "After the end", string.Empty), RuleViolationCode.GameAlreadyEnded);
        game.Refuse(new CancelScheduledNews(3, "One too many"), RuleViolationCode.GameAlreadyEnded);
    }

    [Fact]
    public void Replaying_the_log_gives_the_same_news_at_the_same_rounds()
    {
        var game = GameDriver.Negotiating();
        game.Accept(new ScheduleNews(2, "Talks stall", "Delegations leave early."));
        game.Accept(new ScheduleNews(3, "Talks resume", "Back at the table."));
        game.Accept(new CancelScheduledNews(3, "Talks resume"));
        game.Accept(new AdvanceRound());

        var replayed = GameRules.ApplyAll(GameState.Start(MiniTalks()), game.Log);

        Assert.Equal(GameStateHash.Compute(game.State), GameStateHash.Compute(replayed));
        Assert.Equal([new NewsItem(2, "Talks stall", "Delegations leave early.")], replayed.News);
    }
}
