namespace HealthMock;

/// <summary>
/// The consistency rules of a linked dataset, numbered as in the design; each violation names one of them.
/// </summary>
public enum ConsistencyRule
{
    /// <summary>
    /// Rule 1: every reference resolves, ids are unique and copied fields agree with the record they copy.
    /// </summary>
    References = 1,

    /// <summary>Rule 2: a primary care provider is primary care and suits the patient's age.</summary>
    PrimaryCare = 2,

    /// <summary>Rule 3: email derives from the patient's name; email and (name, date of birth) are unique.</summary>
    Identity = 3,

    /// <summary>Rule 4: city, state, ZIP prefix and phone area code agree with each other.</summary>
    Location = 4,

    /// <summary>
    /// Rule 5: ages are right at the reference date, conditions fit the age and sex, medications treat them.
    /// </summary>
    AgeAndConditions = 5,

    /// <summary>Rule 6: the appointment type fits the provider's specialty and its patients' ages.</summary>
    Specialty = 6,

    /// <summary>Rule 7: appointments fall inside the provider's schedule and never overlap.</summary>
    Schedule = 7,

    /// <summary>Rule 8: statuses follow the reference date, bookings precede starts, nothing precedes birth.</summary>
    Timeline = 8,

    /// <summary>Rule 9: cancellation fields are present exactly on canceled appointments.</summary>
    Cancellation = 9,

    /// <summary>Rule 10: policy amounts, plan type and period hold together.</summary>
    PolicyAmounts = 10,

    /// <summary>Rule 11: an appointment's copay equals the policy's copay for its visit category.</summary>
    Copay = 11,
}
