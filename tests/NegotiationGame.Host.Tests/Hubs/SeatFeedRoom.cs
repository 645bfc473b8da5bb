using Microsoft.AspNetCore.SignalR.Client;

namespace NegotiationGame.Host.Tests.Hubs;

/// <summary>A student's seat as joinClass handed it out.</summary>
internal sealed record Student(string Token, Guid SeatId, string SeatSecret);

/// <summary>A started one-game class with students in the given roles (bots in the others), for the seat-feed tests.</summary>
internal sealed record SeatFeedRoom(HubConnection Setup, string ClassId, string Instructor, string GameId, Dictionary<string, string> Codes, List<Student> Students)
{
    public const string Secret = "Kyiv: the corridor opens at dawn.";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string[] UkraineOnly = ["ukraine"];

    public static async Task<SeatFeedRoom> OpenAsync(HubConnection setup, params string[] roles)
    {
        var (classId, instructor, codes) = await SeatTests.CreateAsync(setup);
        var students = new List<Student>();
        string? gameId = null;
        foreach (var (role, index) in roles.Select((role, index) => (role, index)))
        {
            var joined = (await setup.CallAsync("joinClass", new { classId, code = codes[role], name = $"Student {index}" })).Ok();
            gameId = joined.GetProperty("gameId").GetString();
            students.Add(new Student(joined.GetProperty("token").GetString()!, joined.GetProperty("seatId").GetGuid(), joined.GetProperty("seatSecret").GetString()!));
        }

        (await setup.CallAsync("startClass", new { token = instructor, bots = "linear" })).Ok();
        return new SeatFeedRoom(setup, classId, instructor, gameId!, codes, students);
    }

    /// <summary>The US calls Ukraine privately (<see cref="Secret"/>), then says something in public; the sequences of both.</summary>
    public async Task<(long Message, long Statement)> TellUkraineAsync(string usToken)
    {
        var message = (await Setup.CallAsync("act", new { token = usToken, commandId = Guid.NewGuid(), command = new { type = "message", channel = UkraineOnly, text = Secret } })).Ok();
        var statement = (await Setup.CallAsync("act", new { token = usToken, commandId = Guid.NewGuid(), command = new { type = "statement", text = "We seek peace." } })).Ok();
        return (message.GetProperty("lastSequence").GetInt64(), statement.GetProperty("lastSequence").GetInt64());
    }
}
