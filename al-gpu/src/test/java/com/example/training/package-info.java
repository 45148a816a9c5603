/**
 * Small strategies written as a third party would write them, against al-api and DJL's API alone
 * (no al-gpu, no alkit internals; an ArchUnit rule in {@code TrainingPluginsTest} holds them to
 * it): proofs that the training capability of al-api carries the survey's methods that take part
 * in training. Forgetting events (Toneva et al., ICLR 2019) observe every epoch, CEAL (Wang et
 * al., IEEE TCSVT 2016) adds pseudo-labels. Learning loss, VAAL and MAL, which train an auxiliary
 * head or networks of their own, are real strategies in al-strategies-deep.
 */
package com.example.training;
