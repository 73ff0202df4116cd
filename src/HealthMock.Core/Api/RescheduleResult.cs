namespace HealthMock.Api;

/// <summary>What rescheduling did: the new appointment it booked and the old one it canceled as rescheduled.</summary>
public sealed class RescheduleResult
{
    /// <summary>Creates the result.</summary>
    public RescheduleResult(Appointment appointment, Appointment canceledAppointment)
    {
        Appointment = appointment;
        CanceledAppointment = canceledAppointment;
    }

    /// <summary>The new appointment, scheduled at the new start.</summary>
    public Appointment Appointment { get; }

    /// <summary>The old appointment, now canceled with the reason rescheduled.</summary>
    public Appointment CanceledAppointment { get; }

    /// <summary>Returns "old -> new".</summary>
    public override string ToString() => CanceledAppointment.Id + " -> " + Appointment.Id;
}
