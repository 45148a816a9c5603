/**
 * A small strategy written as a third party would write it, against al-api and DJL's API alone
 * (no al-gpu, no alkit internals; an ArchUnit rule in {@code TrainingPluginsTest} holds it to it):
 * the proof that the training capability of al-api carries methods that observe every epoch, as
 * forgetting events do (Toneva et al., ICLR 2019). Learning loss, VAAL and MAL are real strategies
 * in al-strategies-deep; CEAL is the loop option {@code pseudo-labels}.
 */
package com.example.training;
