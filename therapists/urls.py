from django.urls import path

from . import application_views, assignment_views, caseload_views, measures_views, views

urlpatterns = [
    path(
        "therapist/application/",
        application_views.TherapistApplicationView.as_view(),
        name="therapist-application",
    ),
    path("assignments/", assignment_views.AssignmentListView.as_view(), name="assignment-list"),
    path(
        "assignments/<uuid:assignment_id>/start/",
        assignment_views.AssignmentStartView.as_view(),
        name="assignment-start",
    ),
    path(
        "sessions/<uuid:session_id>/share/",
        assignment_views.SessionShareView.as_view(),
        name="session-share",
    ),
    path(
        "therapist/couples/",
        assignment_views.TherapistCoupleListView.as_view(),
        name="therapist-couple-list",
    ),
    path(
        "therapist/couples/<uuid:couple_id>/",
        assignment_views.TherapistCoupleDetailView.as_view(),
        name="therapist-couple-detail",
    ),
    path(
        "therapist/couples/<uuid:couple_id>/assignments/",
        assignment_views.TherapistAssignmentCreateView.as_view(),
        name="therapist-assignment-create",
    ),
    path("therapist/caseload/", caseload_views.CaseloadView.as_view(), name="therapist-caseload"),
    path(
        "therapist/couples/<uuid:couple_id>/seen/",
        caseload_views.CoupleFileSeenView.as_view(),
        name="therapist-couple-seen",
    ),
    path(
        "therapist/couples/<uuid:couple_id>/record/",
        caseload_views.CoupleRecordView.as_view(),
        name="therapist-couple-record",
    ),
    path(
        "therapist/couples/<uuid:couple_id>/assignments/<uuid:assignment_id>/",
        caseload_views.AssignmentDetailView.as_view(),
        name="therapist-assignment-detail",
    ),
    path(
        "therapist/couples/<uuid:couple_id>/notes/",
        caseload_views.ClinicalNoteListView.as_view(),
        name="therapist-note-list",
    ),
    path(
        "therapist/couples/<uuid:couple_id>/notes/<uuid:note_id>/",
        caseload_views.ClinicalNoteDetailView.as_view(),
        name="therapist-note-detail",
    ),
    path(
        "pairing/therapist-invites/<str:code>/",
        views.TherapistInvitePreviewView.as_view(),
        name="pairing-therapist-invite-preview",
    ),
    path(
        "pairing/therapist-invites/<str:code>/accept/",
        views.TherapistInviteAcceptView.as_view(),
        name="pairing-therapist-invite-accept",
    ),
    path("pairing/therapist/", views.MyTherapistView.as_view(), name="pairing-therapist"),
    path(
        "pairing/therapist/measures/",
        measures_views.MeasuresConsentView.as_view(),
        name="pairing-therapist-measures",
    ),
    path(
        "therapist/couples/<uuid:couple_id>/measures/",
        measures_views.CoupleMeasuresView.as_view(),
        name="therapist-couple-measures",
    ),
    path("therapist/invites/", views.TherapistInvitesView.as_view(), name="therapist-invites"),
    path(
        "therapist/invites/<uuid:invite_id>/",
        views.TherapistInviteDetailView.as_view(),
        name="therapist-invite-detail",
    ),
]
