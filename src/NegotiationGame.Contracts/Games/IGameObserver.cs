using System.Collections.Immutable;
using Orleans.Concurrency;
using NegotiationGame.Storage;

namespace NegotiationGame.Contracts.Games;

/// <summary>
/// Receives a game's new log entries as soon as they are durable. Each web host registers one observer per game that
/// has watchers connected to it, so events reach connections wherever the game's grain runs.
/// </summary>
[Alias("ng.IGameObserver")]
public interface IGameObserver : IGrainObserver
{
    [OneWay]
    [Alias("OnEvents")]
    Task OnEvents(string gameId, ImmutableArray<LoggedEvent> entries);

    /// <summary>The number of spectators watching the game, across all hosts, changed.</summary>
    [OneWay]
    [Alias("OnSpectators")]
    Task OnSpectators(string gameId, int count);

    /// <summary>
    /// Seats of the game's parties changed, so that earlier player tokens for them count no more: the host stops
    /// feeding the connections that watch with such a token. Not one-way: the game waits for every host's answer, so
    /// that once the class acknowledges the change no host feeds a stale connection the game's later entries.
    /// </summary>
    [Alias("OnSeatsChanged")]
    Task OnSeatsChanged(string gameId, ImmutableArray<SeatChange> changes);
}
