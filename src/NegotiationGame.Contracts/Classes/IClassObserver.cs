using Orleans.Concurrency;

namespace NegotiationGame.Contracts.Classes;

/// <summary>
/// Hears of every change of a class (a student seated, a seat request, a bot swapped in, the link reissued) as soon as
/// it is durable. Each web host registers one per class that an instructor's connection there watches, so that the
/// class page is pushed its roster and seat requests instead of asking for them.
/// </summary>
[Alias("ng.IClassObserver")]
public interface IClassObserver : IGrainObserver
{
    /// <param name="sequence">The class log's last sequence: a host that renews and finds a later one missed a change.</param>
    /// <param name="instructorGeneration">Instructor tokens of earlier generations no longer count: their watchers stop hearing.</param>
    [OneWay]
    [Alias("OnClassChanged")]
    Task OnClassChanged(string classId, long sequence, int instructorGeneration, ClassSummary summary);
}
