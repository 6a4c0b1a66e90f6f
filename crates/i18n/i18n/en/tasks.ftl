# The task lists of the start page ("My tasks").
tasks-title = My tasks
tasks-none = Nothing is waiting for you.
tasks-all = All ({ $count })
task-from = in force from
task-revise = Returned drafts
task-revise-hint = A coordinator sent these back with a comment: revise the draft and submit it again.
task-submit = Drafts to submit
task-submit-hint = Drafts in your units: when the content is ready, submit the draft for coordination.
task-submit-mine = Drafts I started
task-sign-off-as-supervisor = Waiting for your sign-off as supervisor
task-sign-off-as-supervisor-hint = Review the job description and sign it off, or return it with a comment.
task-sign-off-as-hr = Waiting for HR's sign-off
task-sign-off-as-hr-hint = Review the job description and sign it off, or return it with a comment.
task-approve = Coordinated, waiting for a directive
task-approve-hint = Both sign-offs are in: add the job description to a directive as an annex; registering the directive approves it.
task-acknowledge = Waiting for the holder's acknowledgement
task-acknowledge-hint = Approved job descriptions the holder has not acknowledged yet; the acknowledgement may also be recorded for the holder.
task-acknowledge-own = Your job description waits for your acknowledgement
task-put-in-force = Ready to put in force
task-put-in-force-hint = Acknowledged and its first day has come: put it in force (the previous version ends at the same time).
task-directives = Directives to register
task-directives-hint = When the document register has given a directive its number and date, record them here: that approves the directive's annexes.
task-annexes = { $count ->
    [one] { $count } annex
   *[other] { $count } annexes
}
nav-tasks-waiting = tasks waiting
task-sign-off-as-supervisor-without-manager = Waiting for the supervisor's sign-off in units without a manager account
task-sign-off-as-supervisor-without-manager-hint = These positions' units have no manager account, so HR signs off in the supervisor's place. HR's own sign-off is then given by another HR person.
