using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;

namespace HealthMock.Commands;

/// <summary>
/// Writes a cmdlet's progress on a long run from the pipeline thread, cheaply: nothing at all for runs under a
/// threshold or when $ProgressPreference (or -ProgressAction) hides progress, and otherwise one progress record at
/// most every quarter second, looking at the clock only once every 256 records.
/// </summary>
/// <remarks>
/// <para>A bar appears only once a run has lasted a second and, when its total is known, is expected to last two
/// seconds more: a run that ends sooner shows none, rather than a bar that flashes. That also spares short runs the
/// first progress record's cost, which in pwsh's console host is about 150 ms, several percent of a two-second
/// run.</para>
/// <para>Call <see cref="Report"/> after each record and <see cref="Complete"/> at the end, both from the pipeline
/// thread (BeginProcessing, ProcessRecord or EndProcessing). A run whose total is unknown, such as records piped
/// in, reports once it has passed the threshold.</para>
/// <para>The time spent writing progress records is counted, and <see cref="Complete"/> reports it as debug output,
/// so the cost of progress can be read off a single run (bench/ does) rather than only as the difference of two.
/// </para>
/// </remarks>
internal sealed class ProgressThrottle
{
    /// <summary>The number of records from which a run shows progress, unless a command chooses another.</summary>
    public const long DefaultThreshold = 10_000;

    private const long CheckEvery = 256;

    private static readonly long IntervalTicks = Stopwatch.Frequency / 4;

    private static readonly long FirstDelayTicks = Stopwatch.Frequency;

    private const double LeastRemainingSeconds = 2.0;

    private readonly Cmdlet _cmdlet;
    private readonly int _activityId;
    private readonly string _activity;
    private readonly string _noun;
    private readonly Func<long, string>? _status;
    private readonly long _total;
    private readonly long _threshold;
    private readonly bool _enabled;
    private readonly Stopwatch _clock = new Stopwatch();
    private long _nextCheck;
    private long _lastWrite;
    private bool _written;
    private int _records;
    private long _spentTicks;

    /// <summary>
    /// Prepares progress for <paramref name="cmdlet"/> under its own <paramref name="activityId"/> (so commands in
    /// one pipeline show separate bars), counting <paramref name="noun"/> (such as "patients") up to
    /// <paramref name="total"/>, or an unknown total when it is negative. <paramref name="status"/>, when given,
    /// makes the status text from the records done, in place of "N of M noun"; it is called only when a progress
    /// record is written.
    /// </summary>
    public ProgressThrottle(PSCmdlet cmdlet, int activityId, string activity, string noun, long total,
        Func<long, string>? status = null, long threshold = DefaultThreshold)
    {
        _cmdlet = cmdlet;
        _activityId = activityId;
        _activity = activity;
        _noun = noun;
        _status = status;
        _total = total;
        _threshold = threshold;
        _enabled = (total < 0 || total >= threshold) && ShowsProgress(cmdlet);
        _nextCheck = Math.Min(CheckEvery, Math.Max(1, threshold));
        _clock.Start();
    }

    /// <summary>Whether any progress record was written.</summary>
    public bool Written => _written;

    /// <summary>The time spent making and writing progress records so far, the record that removes the bar included.
    /// </summary>
    public TimeSpan Spent => TimeSpan.FromSeconds((double)_spentTicks / Stopwatch.Frequency);

    /// <summary>
    /// Reports that <paramref name="done"/> records are done; writes a progress record only when a quarter second
    /// has passed since the last one.
    /// </summary>
    public void Report(long done)
    {
        if (!_enabled || done < _nextCheck)
        {
            return;
        }

        _nextCheck = done + CheckEvery;
        var now = _clock.ElapsedTicks;
        if ((_total < 0 && done < _threshold) || now - _lastWrite < IntervalTicks)
        {
            return;
        }

        _lastWrite = now;
        if (!_written && !WorthShowing(done, now))
        {
            return;
        }

        var start = _clock.ElapsedTicks;
        var count = done.ToString("N0", CultureInfo.InvariantCulture);
        var status = _status?.Invoke(done);

        // A new record each time: hosts may keep the records they were given.
        ProgressRecord record;
        if (_total > 0)
        {
            var fraction = Math.Min(1.0, (double)done / _total);
            record = new ProgressRecord(_activityId, _activity,
                status ?? $"{count} of {_total.ToString("N0", CultureInfo.InvariantCulture)} {_noun}")
            {
                PercentComplete = (int)(fraction * 100),
                SecondsRemaining = fraction > 0
                    ? (int)Math.Round(_clock.Elapsed.TotalSeconds * (1 - fraction) / fraction)
                    : -1,
            };
        }
        else
        {
            record = new ProgressRecord(_activityId, _activity, status ?? $"{count} {_noun}");
        }

        _cmdlet.WriteProgress(record);
        _written = true;
        _records++;
        _spentTicks += _clock.ElapsedTicks - start;
    }

    /// <summary>
    /// Whether a first bar is worth showing at <paramref name="now"/>: the run has lasted a second and, when its total
    /// is known, the rate so far predicts at least two more seconds.
    /// </summary>
    private bool WorthShowing(long done, long now)
    {
        if (now < FirstDelayTicks)
        {
            return false;
        }

        if (_total <= 0 || done <= 0)
        {
            return true;
        }

        var seconds = (double)now / Stopwatch.Frequency;
        var remaining = seconds * (_total - done) / done;
        return remaining >= LeastRemainingSeconds;
    }

    /// <summary>
    /// Removes the progress bar, when one was shown, and writes as debug output how long the progress records took.
    /// </summary>
    public void Complete()
    {
        if (!_written)
        {
            return;
        }

        var start = _clock.ElapsedTicks;
        _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done")
        {
            RecordType = ProgressRecordType.Completed,
            PercentComplete = 100,
        });
        _written = false;
        _records++;
        var end = _clock.ElapsedTicks;
        _spentTicks += end - start;
        _cmdlet.WriteDebug(string.Format(CultureInfo.InvariantCulture,
            "Progress: {0} progress records took {1:F1} ms of the {2:F1} ms since {3} began.", _records,
            Spent.TotalMilliseconds, (double)end / Stopwatch.Frequency * 1000, _activity));
    }

    /// <summary>
    /// Whether progress would be shown: -ProgressAction when given, else $ProgressPreference, is neither
    /// SilentlyContinue nor Ignore.
    /// </summary>
    private static bool ShowsProgress(PSCmdlet cmdlet)
    {
        object? preference = null;
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("ProgressAction", out var action))
        {
            preference = action;
        }
        else
        {
            preference = cmdlet.GetVariableValue("ProgressPreference");
        }

        if (preference is PSObject wrapped)
        {
            preference = wrapped.BaseObject;
        }

        var value = preference switch
        {
            ActionPreference typed => typed,
            string text when Enum.TryParse<ActionPreference>(text, true, out var parsed) => parsed,
            _ => ActionPreference.Continue,
        };
        return value != ActionPreference.SilentlyContinue && value != ActionPreference.Ignore;
    }
}
